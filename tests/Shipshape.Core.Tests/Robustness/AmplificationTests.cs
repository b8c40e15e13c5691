using System.Text;
using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>
/// A small input must not make a large report or a large heap: a finding quotes at most
/// <see cref="QuotedText.MaxLength"/> characters of a name or value, an object keeps at most the cap of each rule's
/// findings, and an annotation is parsed once per object however many findings it is asked about.
/// </summary>
public sealed class AmplificationTests
{
    /// <summary>A Pod named with <paramref name="nameLength"/> characters and <paramref name="containers"/> containers.</summary>
    internal static string Pod(int nameLength, int containers, string? ignore = null)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ").Append('n', nameLength).Append('\n');
        if (ignore is not null)
        {
            text.Append("  annotations:\n    shipshape.io/ignore: \"").Append(ignore).Append("\"\n");
        }

        text.Append("spec:\n  containers:\n");
        for (var i = 0; i < containers; i++)
        {
            text.Append("  - name: c").Append(i).Append("\n    image: nginx:1.0\n");
        }

        return text.ToString();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_name_of_a_million_characters_is_quoted_cut_with_an_ellipsis()
    {
        var text = Pod(1_000_000, 1);

        var report = await Task.Run(() => Lint.Text(text), TestContext.Current.CancellationToken);

        Assert.NotEmpty(report.Active);
        foreach (var finding in report.Active)
        {
            Assert.True(finding.Message.Length < 2 * QuotedText.MaxLength + 500, $"{finding.Id}: {finding.Message.Length} characters");
            Assert.True(finding.Resource is null || finding.Resource.Name!.Length == QuotedText.MaxLength + 1, finding.Id);
        }

        var named = report.Active.First(d => d.Resource is not null);
        Assert.Equal(new string('n', QuotedText.MaxLength) + "…", named.Resource!.Name);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var text = new string('a', QuotedText.MaxLength - 1) + "😀" + "b";

        Assert.Equal(new string('a', QuotedText.MaxLength - 1) + "…", QuotedText.Cut(text));
        Assert.Equal("short", QuotedText.Cut("short"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_pod_of_a_hundred_thousand_containers_keeps_a_hundred_findings_of_each_rule()
    {
        var text = Pod(1, 100_000);

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        var byRule = report.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(101, byRule["SHIP3002"].Length);
        Assert.Equal(99_900, byRule["SHIP3002"][^1].Omitted);
        Assert.Equal("SHIP3002@207:11", $"{byRule["SHIP3002"][^1].Id}@{byRule["SHIP3002"][^1].Span.Line}:{byRule["SHIP3002"][^1].Span.Column}");
        Assert.All(byRule.Values, findings => Assert.InRange(findings.Length, 1, 101));
    }

    [Fact(Timeout = 10_000)]
    public async Task Ten_thousand_ignored_ids_on_a_pod_of_ten_thousand_containers_are_parsed_once()
    {
        var ids = string.Join(",", Enumerable.Range(0, 9_999).Select(i => $"SHIPX{i}").Prepend("SHIP3002"));
        var text = Pod(1, 10_000, ignore: ids + " -- a load test");

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        // Capped: 100 suppressed findings and one suppressed summary standing for the other 9,900.
        var suppressed = report.Diagnostics.Where(d => d.IsSuppressed).ToArray();
        Assert.Equal(101, suppressed.Length);
        Assert.All(suppressed, d => Assert.Equal(("SHIP3002", "a load test"), (d.Id, d.Suppression)));
        Assert.Equal(9_900, suppressed[^1].Omitted);
        Assert.Equal(10_000, report.Summary.Suppressed);
        Assert.Equal(101, report.Findings("SHIP3003").Length);
        Assert.Equal(101, report.Findings("SHIP0005").Length);
    }
}
