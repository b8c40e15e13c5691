using System.Text;
using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests;

/// <summary>
/// rules/README.md is generated from <see cref="RuleCatalog"/>, so the index never drifts from the descriptors.
/// Run the tests with SHIPSHAPE_UPDATE_DOCS=1 to rewrite it after adding or changing a rule.
/// </summary>
public sealed class RuleIndexTests
{
    private static string IndexPath => Path.Combine(RepositoryPaths.Rules, "README.md");

    [Fact]
    public void Rules_readme_is_generated_from_the_catalog()
    {
        var generated = Render();
        if (Environment.GetEnvironmentVariable("SHIPSHAPE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(IndexPath, generated);
        }

        Assert.True(
            File.Exists(IndexPath) && File.ReadAllText(IndexPath).ReplaceLineEndings("\n") == generated,
            "rules/README.md is out of date: run `SHIPSHAPE_UPDATE_DOCS=1 dotnet test tests/Shipshape.Core.Tests --filter RuleIndexTests`");
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            # Rules

            <!-- Generated from the rule descriptors by tests/Shipshape.Core.Tests/RuleIndexTests.cs; do not edit by hand. -->

            Every rule Shipshape runs, with its default and the presets that include it (`recommended` is the default:
            the rules enabled by default). `shipshape rules` prints the same list and `shipshape explain ID` prints a rule's
            page. Choose a preset with `--preset` or `preset:` in `.shipshape.yaml`; change a rule's severity or turn
            rules on or off in `.shipshape.yaml` (`rules: { SHIP4001: off, security: warning, SHIP40*: off }`) or for one run
            with `--enable` / `--disable` (IDs, wildcards, categories); suppress single findings with
            `# shipshape-disable-next-line ID -- reason` or the `shipshape.io/ignore` annotation.

            | ID | Title | Category | Default severity | Enabled by default | Presets |
            |---|---|---|---|---|---|

            """);
        foreach (var rule in RuleCatalog.Descriptors)
        {
            text.Append($"| [{rule.Id}]({rule.Id}.md) | {rule.Title} | {rule.Category} | {rule.DefaultSeverity.ToName()} | {(rule.IsEnabledByDefault ? "yes" : "no")} | {Presets(rule)} |\n");
        }

        return text.ToString();
    }

    private static string Presets(DiagnosticDescriptor rule) =>
        string.Join(", ", Enum.GetValues<RulePreset>().Where(preset => preset.Includes(rule)).Select(preset => preset.ToName()));
}
