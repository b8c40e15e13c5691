using System.Text.RegularExpressions;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests;

/// <summary>
/// Keeps rules/PEERS.md in step with the peers' check lists (rules/peers/*.txt, written by
/// rules/peers/extract.sh) and with the rule catalogue, so no peer check is dropped from the table and no row
/// points at a rule that does not exist.
/// </summary>
public sealed partial class PeersTableTests
{
    private const string NoRule = "—";

    private static readonly string[] Reasons =
        ["**No rule yet:**", "**Opinion we reject:**", "**Out of scope:**", "**Needs the cluster:**"];

    private static readonly Lazy<string[]> PageLines = new(() => File.ReadAllLines(Path.Combine(RepositoryPaths.Rules, "PEERS.md")));

    public static TheoryData<string> Peers => new() { "kube-linter", "Polaris", "kube-score" };

    [Theory]
    [MemberData(nameof(Peers))]
    public void Table_rows_are_the_peers_checks_in_order(string peer)
    {
        var checks = CheckList(peer).Skip(1).ToArray();
        Assert.NotEmpty(checks);
        Assert.Equal(checks, Table(peer).Select(row => row.Check).ToArray());
    }

    [Theory]
    [MemberData(nameof(Peers))]
    public void Check_list_names_the_repository_and_commit_it_was_read_from(string peer)
    {
        Assert.Matches(SourceHeader(), CheckList(peer)[0]);
    }

    [Theory]
    [MemberData(nameof(Peers))]
    public void Every_row_names_rules_of_the_catalogue_or_gives_a_reason(string peer)
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in Table(peer))
        {
            Assert.False(string.IsNullOrWhiteSpace(row.What), $"{row.Check} does not say what it checks");
            var reason = Reasons.FirstOrDefault(r => row.Notes.StartsWith(r, StringComparison.Ordinal));
            if (row.Shipshape == NoRule)
            {
                Assert.True(reason is not null, $"{row.Check} has no Shipshape rule and its notes give no reason ({string.Join(", ", Reasons)})");
                continue;
            }

            Assert.True(reason is null, $"{row.Check} names {row.Shipshape} and also a reason for having no rule");
            Assert.Matches(RuleLinks(), row.Shipshape);
            foreach (Match link in RuleLink().Matches(row.Shipshape))
            {
                Assert.Equal(link.Groups["id"].Value, link.Groups["target"].Value);
                Assert.True(ids.Contains(link.Groups["id"].Value), $"{row.Check} names {link.Groups["id"].Value}, which the rule catalogue does not hold");
            }
        }
    }

    [Fact]
    public void Every_id_the_page_mentions_is_in_the_catalogue()
    {
        var ids = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var mentioned = PageLines.Value.SelectMany(line => AnyId().Matches(line)).Select(m => m.Value).Distinct().ToArray();
        Assert.NotEmpty(mentioned);
        var unknown = mentioned.Where(id => !ids.Contains(id)).ToArray();
        Assert.True(unknown.Length == 0, $"PEERS.md names IDs the rule catalogue does not hold: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Peers))]
    public void Summary_counts_the_rows(string peer)
    {
        var summary = Assert.Single(PageLines.Value, line => line.StartsWith("**Summary:**", StringComparison.Ordinal));
        var counts = Regex.Match(summary, $@"\b{Regex.Escape(peer)} (?<covered>\d+) covered, (?<uncovered>\d+) not covered\b");
        Assert.True(counts.Success, $"the summary does not count {peer}: {summary}");
        var rows = Table(peer);
        Assert.Equal(rows.Count(row => row.Shipshape != NoRule), int.Parse(counts.Groups["covered"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rows.Count(row => row.Shipshape == NoRule), int.Parse(counts.Groups["uncovered"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The lines of rules/peers/&lt;peer&gt;.txt: the source header, then one check name a line.</summary>
    private static string[] CheckList(string peer) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Rules, "peers", peer.ToLowerInvariant() + ".txt"))
            .Where(line => line.Length > 0).ToArray();

    /// <summary>The rows of the table under "## peer", up to the next blank line.</summary>
    private static PeerRow[] Table(string peer)
    {
        var lines = PageLines.Value;
        var heading = Array.IndexOf(lines, "## " + peer);
        Assert.True(heading >= 0, $"PEERS.md has no section '## {peer}'");
        var table = lines.Skip(heading + 1).SkipWhile(line => line.Length == 0).TakeWhile(line => line.StartsWith('|')).ToArray();
        Assert.True(table.Length > 2, $"the section '## {peer}' has no table");
        Assert.Equal("| Peer check | What it checks | Shipshape | Notes |", table[0]);
        return table.Skip(2).Select(ParseRow).ToArray();
    }

    private static PeerRow ParseRow(string line)
    {
        var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
        Assert.True(cells.Length == 4, $"a row of PEERS.md does not have four cells: {line}");
        var check = CheckName().Match(cells[0]);
        Assert.True(check.Success, $"the first cell is not a `check-name`: {line}");
        return new PeerRow(check.Groups["name"].Value, cells[1], cells[2], cells[3]);
    }

    private sealed record PeerRow(string Check, string What, string Shipshape, string Notes);

    [GeneratedRegex(@"^# .+ https://github\.com/[\w.-]+/[\w.-]+ at commit [0-9a-f]{40}\b")]
    private static partial Regex SourceHeader();

    [GeneratedRegex(@"^`(?<name>[^`]+)`$")]
    private static partial Regex CheckName();

    [GeneratedRegex(@"^\[SHIP\d{4}\]\(SHIP\d{4}\.md\)(, \[SHIP\d{4}\]\(SHIP\d{4}\.md\))*$")]
    private static partial Regex RuleLinks();

    [GeneratedRegex(@"\[(?<id>SHIP\d{4})\]\((?<target>SHIP\d{4})\.md\)")]
    private static partial Regex RuleLink();

    [GeneratedRegex(@"\bSHIP\d{4}\b")]
    private static partial Regex AnyId();
}
