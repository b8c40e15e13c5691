using System.Text.RegularExpressions;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests;

/// <summary>
/// Runs every fixture under Fixtures/SHIPnnnn/. A <c>fail.*.yaml</c> file lists the findings it must raise in
/// comments such as <c># expect: SHIP2005 14:28</c> (line:column); the rule must raise exactly those, no more, no
/// fewer. A <c>pass.*.yaml</c> file must raise none of its rule's findings. Other rules may fire in either.
/// </summary>
public sealed partial class RuleFixtureTests
{
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Fixtures, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixture_raises_exactly_its_expected_findings(string fixture)
    {
        var ruleId = fixture.Split('/')[0];
        Assert.NotNull(RuleCatalog.Find(ruleId));
        var path = Path.Combine(RepositoryPaths.Fixtures, fixture);
        var text = File.ReadAllText(path);
        var expected = ExpectationPattern().Matches(text).Select(m => $"{m.Groups[1].Value}@{m.Groups[2].Value}").Order(StringComparer.Ordinal).ToArray();

        var isFail = Path.GetFileName(fixture).StartsWith("fail.", StringComparison.Ordinal);
        Assert.True(isFail || Path.GetFileName(fixture).StartsWith("pass.", StringComparison.Ordinal), $"{fixture}: name it pass.<case>.yaml or fail.<case>.yaml");
        if (isFail)
        {
            Assert.NotEmpty(expected);
            Assert.All(expected, e => Assert.StartsWith(ruleId + "@", e, StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(expected);
        }

        // Bytes, not text: encoding fixtures (SHIP0006) must go through the same decoding as files do.
        var report = new LintEngine(FixtureOptions.For(fixture)).Run([InputSource.FromBytes(fixture, File.ReadAllBytes(path))]);
        var actual = report.Findings(ruleId).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }

    [GeneratedRegex(@"#\s*expect:\s*(SHIP\d{4})\s+(\d+:\d+)")]
    private static partial Regex ExpectationPattern();
}
