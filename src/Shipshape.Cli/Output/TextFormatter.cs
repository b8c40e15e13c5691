using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>
/// What a person wants in a terminal: <c>file:line:col: severity SHIPnnnn message [Kind/name]</c>, one finding
/// a line (a form editors and the GitHub problem matcher recognise), then a summary. Colour only on a terminal.
/// </summary>
public sealed class TextFormatter(bool useColor) : IReportFormatter
{
    private const string Reset = "\u001b[0m";

    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var note in report.Notes)
        {
            writer.WriteLine($"note: {SafeText.Escape(note)}");
        }

        foreach (var diagnostic in report.Active)
        {
            var severity = diagnostic.Severity.ToName();
            if (useColor)
            {
                severity = Colour(diagnostic.Severity) + severity + Reset;
            }

            // Paths, names and messages quote the input: escaped, an ESC or a newline in them cannot reach the terminal.
            var resource = diagnostic.Resource is { } r ? $" [{SafeText.Escape(r.ToString() ?? string.Empty)}]" : string.Empty;
            writer.WriteLine($"{SafeText.LineStartPath(diagnostic.FilePath)}:{diagnostic.Span.Line}:{diagnostic.Span.Column}: {severity} {diagnostic.Id} {SafeText.Escape(diagnostic.Message)}{resource}");
        }

        writer.WriteLine(Summarize(report.Summary));
    }

    public static string Summarize(LintSummary s)
    {
        var suppressed = s.Suppressed > 0 ? $", {s.Suppressed} suppressed" : string.Empty;
        return $"{Count(s.Errors, "error")}, {Count(s.Warnings, "warning")}, {Count(s.Infos, "info")}{suppressed} " +
               $"in {Count(s.Files, "file")} ({Count(s.Resources, "object")} in {Count(s.Documents, "document")})" +
               s.SkippedFiles switch
               {
                   0 => string.Empty,
                   1 => "; skipped 1 file that is not a Kubernetes manifest",
                   var n => $"; skipped {n} files that are not Kubernetes manifests",
               };
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
