using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>
/// What a person reads in a terminal. Findings are grouped by file under a heading; each is one line,
/// <c>file:line:col: severity SHIPnnnn message [Kind/name]</c> (a form editors make clickable), then the offending
/// source line with a marker under the exact span (<see cref="CodeFrame"/>). With <c>--no-source</c>, the lines
/// alone, one a finding. Then the summary: the counts, and when a rule repeats, the rules by count and how to turn
/// one off. Text from the input is escaped (<see cref="TerminalText"/>); colour only when <see cref="ReportWriter"/>
/// settles on it.
/// </summary>
public sealed class TextFormatter(TextReportOptions options, bool useColor) : IReportFormatter
{
    /// <summary>A rule reported this often is worth naming in the summary, with how to turn it off.</summary>
    private const int RepeatedRule = 3;

    /// <summary>Rules named in the summary's count line at most.</summary>
    private const int RulesCounted = 8;

    /// <summary>Fewer files than this are rendered on the calling thread.</summary>
    private const int MinimumFilesForThreads = 8;

    private readonly Palette _palette = Palette.For(useColor);

    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var note in report.Notes)
        {
            writer.WriteLine($"note: {SafeText.Escape(note)}");
        }

        var findings = report.Active.ToList();
        if (options.ShowSource)
        {
            WriteGroupedByFile(findings, writer);
        }
        else
        {
            foreach (var diagnostic in findings)
            {
                writer.WriteLine(Line(diagnostic));
            }
        }

        writer.WriteLine(Summarize(report.Summary, options.Quiet));
        WriteRuleCounts(findings, writer);
    }

    public static string Summarize(LintSummary s, bool quiet = false)
    {
        var scope = $"in {Count(s.Files, "file")} ({Count(s.Resources, "object")} in {Count(s.Documents, "document")})";
        if (quiet)
        {
            var hidden = s.Warnings + s.Infos;
            return $"{Count(s.Errors, "error")} {scope}" + (hidden > 0 ? $"; --quiet hid {Count(hidden, "other finding")}" : string.Empty);
        }

        var suppressed = s.Suppressed > 0 ? $", {s.Suppressed} suppressed" : string.Empty;
        return $"{Count(s.Errors, "error")}, {Count(s.Warnings, "warning")}, {Count(s.Infos, "info")}{suppressed} {scope}" + Skipped(s.SkippedFiles);
    }

    private static string Skipped(int files) => files switch
    {
        0 => string.Empty,
        1 => "; skipped 1 file that is not a Kubernetes manifest",
        var n => $"; skipped {n} files that are not Kubernetes manifests",
    };

    private void WriteGroupedByFile(List<Diagnostic> findings, TextWriter writer)
    {
        // The engine sorts findings by file, so each file's findings are one run of the list.
        var files = new List<List<Diagnostic>>();
        for (var first = 0; first < findings.Count;)
        {
            var end = first;
            while (end < findings.Count && findings[end].FilePath == findings[first].FilePath)
            {
                end++;
            }

            files.Add(findings.GetRange(first, end - first));
            first = end;
        }

        // Each file is read again for its code frames, which takes a quarter of a run over thousands of files on one
        // thread: files are rendered on --threads threads, a batch at a time so the text held stays small, and written
        // in order. A few files are rendered here, without starting the thread pool for them.
        const int Batch = 256;
        var rendered = new string[Math.Min(Batch, files.Count)];
        for (var start = 0; start < files.Count; start += Batch)
        {
            var count = Math.Min(Batch, files.Count - start);
            if (count < MinimumFilesForThreads || options.Threads <= 1)
            {
                for (var i = 0; i < count; i++)
                {
                    rendered[i] = RenderFile(files[start + i], writer.NewLine);
                }
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i => rendered[i] = RenderFile(files[start + i], writer.NewLine));
            }

            for (var i = 0; i < count; i++)
            {
                writer.Write(rendered[i]);
            }
        }
    }

    /// <summary>One file's heading, findings and code frames, and the blank line after them.</summary>
    private string RenderFile(List<Diagnostic> group, string newLine)
    {
        var path = group[0].FilePath;
        var text = new StringWriter { NewLine = newLine };
        text.WriteLine(_palette.Heading(SafeText.Escape(path)) + " " + _palette.Dim($"({Tally(group)})"));
        var excerpts = ReadExcerpts(path, group);
        var gutterWidth = group.Max(d => d.Span.Line).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        foreach (var diagnostic in group)
        {
            text.WriteLine(Line(diagnostic));
            if (excerpts.TryGetValue((diagnostic.Span.Line, diagnostic.Span.Column), out var excerpt))
            {
                var (source, marker) = CodeFrame.Render(excerpt, diagnostic.Span, diagnostic.Severity, _palette, gutterWidth);
                text.WriteLine(source);
                text.WriteLine(marker);
            }
        }

        text.WriteLine();
        return text.ToString();
    }

    private Dictionary<(int Line, int Column), LineExcerpt> ReadExcerpts(string path, List<Diagnostic> group)
    {
        using var reader = options.Sources.Open(path);
        return reader is null ? [] : SourceExcerpts.Read(reader, group.Select(d => (d.Span.Line, d.Span.Column)));
    }

    /// <summary><c>file:line:col: severity SHIPnnnn message [Kind/name] from chart/templates/x.yaml</c>, input text escaped.</summary>
    private string Line(Diagnostic diagnostic)
    {
        var resource = diagnostic.Resource is { } r ? " " + _palette.Dim($"[{SafeText.Escape(r.ToString())}]") : string.Empty;
        var template = diagnostic.Template is { } t ? " " + _palette.Dim($"from {SafeText.Escape(t)}") : string.Empty;
        return $"{SafeText.LineStartPath(diagnostic.FilePath)}:{diagnostic.Span.Line}:{diagnostic.Span.Column}: " +
               $"{_palette.Severity(diagnostic.Severity, diagnostic.Severity.ToName())} {diagnostic.Id} {SafeText.Escape(diagnostic.Message)}{resource}{template}";
    }

    /// <summary>When a rule repeats, the rules by count ("SHIP3003 ×12") and how to turn the most frequent one off.</summary>
    private void WriteRuleCounts(List<Diagnostic> findings, TextWriter writer)
    {
        // Loops, not LINQ's GroupBy/Select/ThenBy: those are generic virtual calls, which the NativeAOT binary resolves
        // with its type loader, whose first use costs a one-file lint about a millisecond.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            counts[finding.Id] = counts.GetValueOrDefault(finding.Id) + 1;
        }

        var byRule = new List<(string Id, int Count)>();
        foreach (var (id, count) in counts)
        {
            if (count > 1)
            {
                byRule.Add((id, count));
            }
        }

        byRule.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Id, b.Id));
        if (byRule.Count == 0 || byRule[0].Count < RepeatedRule)
        {
            return;
        }

        var shown = string.Join(", ", byRule.GetRange(0, Math.Min(RulesCounted, byRule.Count)).Select(rule => $"{rule.Id} ×{rule.Count}"));
        var more = byRule.Count > RulesCounted ? $" and {byRule.Count - RulesCounted} more" : string.Empty;
        writer.WriteLine(_palette.Dim($"By rule: {shown}{more}."));
        var top = byRule[0].Id;
        writer.WriteLine(_palette.Dim(
            $"To turn a rule off: --disable {top} for this run, or 'rules: {{ {top}: off }}' in {ConfigurationReader.FileName}; " +
            $"'shipshape explain {top}' says what it checks."));
    }

    private static string Tally(List<Diagnostic> group)
    {
        var parts = new List<string>(3);
        foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Error, Severity.Warning, Severity.Info])
        {
            var count = group.Count(d => d.Severity == severity);
            if (count > 0)
            {
                parts.Add(Count(count, severity.ToName()));
            }
        }

        return string.Join(", ", parts);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
