using System.CommandLine;
using System.Text;
using Shipshape.Cli.Terminal;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Cli.Output;

/// <summary>One report to write: a format and a file, or standard output when <see cref="Path"/> is null.</summary>
public sealed record ReportDestination(string Format, string? Path);

/// <summary>
/// The <c>--format</c>/<c>--output</c> options and where reports go. Both options repeat and pair up in order:
/// the first <c>--output</c> belongs to the first <c>--format</c>, and so on; a format without an output (or with
/// <c>-</c>) goes to standard output, which only one report may use. So one run can annotate a pull request and
/// write SARIF: <c>--format github --format sarif --output - --output shipshape.sarif</c>.
/// </summary>
public static class ReportWriter
{
    public const string StandardOutput = "-";

    public static Option<string[]> CreateFormatOption()
    {
        var format = WordList.Repeatable(new Option<string[]>("--format", "-f")
        {
            Description = "Report format (default text); repeat it, each with its own --output, to write several reports in one run",
            HelpName = string.Join('|', ReportFormats.Names),
        });
        format.AcceptOnlyFromAmong(ReportFormats.Names);
        return format;
    }

    public static Option<string[]> CreateOutputOption() => WordList.Repeatable(new Option<string[]>("--output", "-o")
    {
        Description = "Write the report to FILE instead of standard output (- for standard output); the n-th --output goes with the n-th --format",
        HelpName = "FILE",
    });

    /// <summary>Pairs formats with outputs; throws <see cref="UsageException"/> for a combination that cannot be meant.</summary>
    public static IReadOnlyList<ReportDestination> Plan(string[]? formats, string[]? outputs)
    {
        formats = formats is { Length: > 0 } ? formats : ["text"];
        outputs ??= [];
        if (outputs.Length > formats.Length)
        {
            throw new UsageException($"--output: {outputs.Length} outputs for {formats.Length} format(s); give one --format for each --output, in the same order");
        }

        var destinations = new ReportDestination[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            var path = i < outputs.Length && outputs[i] != StandardOutput ? outputs[i] : null;
            destinations[i] = new ReportDestination(formats[i], path);
        }

        if (destinations.Count(d => d.Path is null) > 1)
        {
            throw new UsageException("--format: only one report can go to standard output; give the others an --output FILE (the n-th --output goes with the n-th --format)");
        }

        // Loops rather than chained LINQ here and in Write: Where(...).Select(...) resolves a generic virtual method at
        // run time, which NativeAOT builds on first use, at every start.
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var destination in destinations)
        {
            if (destination.Path is not null && !files.Add(System.IO.Path.GetFullPath(destination.Path)))
            {
                throw new UsageException("--output: two reports would go to the same file; give each its own");
            }
        }

        return destinations;
    }

    /// <summary>
    /// Writes every report. Never overwrites a file that was linted or the configuration, never writes through a
    /// symbolic link or where the next run would lint the report (<paramref name="guard"/>, by default the linted
    /// files only): each is exit code 2, checked before anything is written.
    /// </summary>
    public static void Write(LintReport report, IReadOnlyList<ReportDestination> destinations, TextWriter stdout, OutputGuard? guard = null,
        TextReportOptions? text = null)
    {
        guard ??= new OutputGuard(LintedFiles(report), []);
        text ??= TextReportOptions.Default;
        foreach (var destination in destinations)
        {
            if (destination.Path is not null)
            {
                guard.Check(destination.Path, "--output");
            }
        }

        var locations = ArtifactLocations.For(Directory.GetCurrentDirectory());
        foreach (var destination in destinations)
        {
            var useColor = ColorChoice.UseColor(text.Color, toTerminal: destination.Path is null && !Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
            var formatter = ReportFormats.Create(destination.Format, text, useColor, locations);
            if (destination.Path is null)
            {
                formatter.Write(report, stdout);
            }
            else
            {
                WriteFile(formatter, report, destination.Path);
            }
        }
    }

    /// <summary>The files a report must never overwrite: every file the run read.</summary>
    public static List<(string Path, string Role)> LintedFiles(LintReport report)
    {
        var files = new List<(string, string)>(report.Files.Count);
        foreach (var file in report.Files)
        {
            if (file.Path != SourceFile.StandardInputPath)
            {
                files.Add((file.Path, OutputGuard.LintedFile));
            }
        }

        return files;
    }

    private static void WriteFile(IReportFormatter formatter, LintReport report, string path)
    {
        try
        {
            OutputGuard.Write(path, stream =>
            {
                using var file = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                file.NewLine = "\n";
                formatter.Write(report, file);
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot write the report: {exception.Message}", exception);
        }
    }
}
