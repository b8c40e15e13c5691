using System.Text;
using Shipshape.Core.Engine;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>
/// Thousands of findings in one file: time stays linear in the input, and each rule reports its first
/// <see cref="FindingCaps.DefaultMaxFindingsPerRule"/> findings of a file and one summary finding for the rest.
/// Outer timeouts, not stopwatch assertions.
/// </summary>
public sealed class ManyErrorsTests
{
    [Fact(Timeout = 10_000)]
    public async Task Eight_thousand_syntax_errors_give_a_hundred_findings_and_one_summary()
    {
        var text = string.Concat(Enumerable.Repeat("---\na: b: c\n", 8000));

        var report = await Task.Run(() => Lint.Text(text), TestContext.Current.CancellationToken);

        var findings = report.Findings("SHIP0001");
        Assert.Equal(101, findings.Length);
        Assert.Equal(Enumerable.Range(0, 101).Select(i => $"SHIP0001@{(2 * i) + 2}:5"), findings);
        var summary = report.Active.Last();
        Assert.Equal(7900, summary.Omitted);
        Assert.Equal("There are 7,900 more SHIP0001 findings in this file from here on, not shown: a report shows the first 100 of each rule in a file; fix those first", summary.Message);
        Assert.Equal(8000, report.Summary.Errors);
    }

    [Fact(Timeout = 10_000)]
    public async Task Sixteen_thousand_unclosed_flow_collections_finish()
    {
        var text = string.Concat(Enumerable.Repeat("---\na: [\n", 16_000));

        var report = await Task.Run(() => Lint.Text(text), TestContext.Current.CancellationToken);

        Assert.Equal(101, report.Findings("SHIP0001").Length);
        Assert.Equal("SHIP0001@3:1", report.Findings("SHIP0001")[0]);
        Assert.Equal(16_000, report.Summary.Errors);
    }

    [Fact(Timeout = 10_000)]
    public async Task Eight_thousand_directive_errors_give_a_hundred_findings_and_one_summary()
    {
        var text = new StringBuilder(DirectiveHangTests.Pod);
        for (var i = 0; i < 8000; i++)
        {
            text.Append("# shipshape-disable SHIPX").Append(i).Append('\n');
        }

        var report = await Task.Run(() => Lint.Text(text.ToString()), TestContext.Current.CancellationToken);

        var findings = report.Findings("SHIP0005");
        Assert.Equal(101, findings.Length);
        Assert.Equal("SHIP0005@9:21", findings[0]);
        Assert.Equal("SHIP0005@109:21", findings[^1]);
        Assert.Equal(7900, report.Active.Single(d => d.Omitted > 0).Omitted);
        Assert.Equal(8000, report.Active.Where(d => d.Id == "SHIP0005").Sum(d => Math.Max(d.Omitted, 1)));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_cap_of_zero_reports_every_finding()
    {
        var text = string.Concat(Enumerable.Repeat("---\na: b: c\n", 2000));

        var report = await Task.Run(() => Lint.Text(text, options: new LintOptions { MaxFindingsPerRule = 0 }), TestContext.Current.CancellationToken);

        Assert.Equal(2000, report.Findings("SHIP0001").Length);
        Assert.DoesNotContain(report.Diagnostics, d => d.Omitted > 0);
    }

    // Bound: 120 s, for a debug build on a machine shared by many test runs; the release CLI takes as long on this file
    // as on the same file without the error (about 5 s on an idle 2-core machine).
    [Fact(Timeout = 120_000)]
    public async Task A_20_MB_stream_with_one_syntax_error_near_its_end_is_read_a_segment_at_a_time()
    {
        // Before, the error sent the whole file back through SharpYaml (over 100 s); now only the broken document is
        // read by it. Measured on an idle 2-core machine: a few seconds, as the same file without the error.
        var (text, errorLine, documents) = TwentyMegabytes();

        var one = await Task.Run(() => Lint.Text(text, options: new LintOptions { Threads = 1 }), TestContext.Current.CancellationToken);

        Assert.Equal([$"SHIP0001@{errorLine}:4"], one.Findings("SHIP0001"));
        Assert.Equal(documents, one.Summary.Documents);
        Assert.Equal(documents, one.Summary.Resources);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_capped_report_is_the_same_for_one_thread_and_four()
    {
        // A stream of 3 MB in segments, every document with a duplicate key: the first 100 and the summary do not depend
        // on where the segments were cut.
        var text = new StringBuilder();
        for (var i = 0; i < 12_000; i++)
        {
            text.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c").Append(i).Append("\n  name: twice\ndata:\n  key: value-value-value-value-value-value-value-value-value-value-value-value-value-value-value\n");
        }

        var one = await Task.Run(() => Lint.Text(text.ToString(), options: new LintOptions { Threads = 1 }), TestContext.Current.CancellationToken);
        var four = await Task.Run(() => Lint.Text(text.ToString(), options: new LintOptions { Threads = 4 }), TestContext.Current.CancellationToken);

        Assert.Equal(one.Diagnostics.Select(d => $"{d} {d.Omitted}"), four.Diagnostics.Select(d => $"{d} {d.Omitted}"));
        Assert.Equal(101, four.Findings("SHIP0002").Length);
        Assert.Equal("SHIP0002@798:3", four.Findings("SHIP0002")[99]);
        Assert.Equal(11_900, four.Active.Single(d => d.Id == "SHIP0002" && d.Omitted > 0).Omitted);
    }

    /// <summary>About 20 MB of ConfigMaps, one broken document three from the end.</summary>
    internal static (string Text, int ErrorLine, int Documents) TwentyMegabytes()
    {
        var document = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            document.Append("  key").Append(i).Append(": value-").Append(i).Append('\n');
        }

        var text = new StringBuilder();
        var count = 0;
        while (text.Length < 20 * 1024 * 1024)
        {
            text.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm").Append(count++).Append("\ndata:\n").Append(document);
        }

        // The unclosed [ of the last document, which is where the error is reported.
        var errorLine = text.ToString().Count(c => c == '\n') + 2;
        text.Append("---\na: [b\nc: d\n");
        for (var i = 0; i < 3; i++)
        {
            text.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: end").Append(i).Append("\ndata:\n").Append(document);
        }

        return (text.ToString(), errorLine, count + 3);
    }
}
