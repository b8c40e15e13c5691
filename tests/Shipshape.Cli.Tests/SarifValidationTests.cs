using System.Text.Json;
using Shipshape.Cli.Output;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Cli.Tests;

/// <summary>
/// Shipshape's SARIF checked by Microsoft's SARIF Multitool against the 2.1.0 schema and GitHub's own ingestion
/// rules (<c>--rule-kind "Gh;Sarif"</c>): the bar is no errors and no GitHub-rule findings at all.
/// </summary>
public sealed class SarifValidationTests
{
    [Fact]
    public void Sarif_of_the_seed_corpus_and_the_examples_passes_the_multitool_with_no_errors_and_no_github_warnings()
    {
        var multitool = CiTestPaths.SarifMultitool;
        Assert.True(File.Exists(multitool),
            $"The SARIF Multitool is missing at {multitool}. Install it with scripts/install-test-tools.sh " +
            "(npm install --prefix .tools @microsoft/sarif-multitool-linux@5.7.0); .ci/run does this before the tests.");

        using var temp = new TempFiles();
        var seed = Lint(Seed.Directory, ArtifactLocations.For(Seed.Directory), Path.Combine(temp.Root, "seed.sarif"));
        var examples = Lint(CiTestPaths.Examples, ArtifactLocations.For(CiTestPaths.Root), Path.Combine(temp.Root, "examples.sarif"));
        Assert.True(examples > 0, "the examples should produce findings, so results are validated too");

        var log = Path.Combine(temp.Root, "validation.sarif");
        var (exitCode, output) = CiProcess.Run(multitool,
            ["validate", Path.Combine(temp.Root, "seed.sarif"), Path.Combine(temp.Root, "examples.sarif"), "-o", log, "--rule-kind", "Gh;Sarif"]);

        Assert.True(exitCode == 0 && File.Exists(log), $"Sarif.Multitool failed (exit {exitCode}):\n{output}");
        using var validation = JsonDocument.Parse(File.ReadAllText(log));
        var problems = validation.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(result => (
                Rule: result.GetProperty("ruleId").GetString()!,
                Level: result.TryGetProperty("level", out var level) ? level.GetString()! : "warning"))
            .Where(result => result.Level == "error" || result.Rule.StartsWith("GH", StringComparison.Ordinal))
            .ToArray();
        Assert.True(problems.Length == 0, $"Sarif.Multitool reported {problems.Length} problem(s) (seed: {seed} results):\n{output}");
    }

    /// <summary>Writes the SARIF for a directory and returns how many results it holds.</summary>
    private static int Lint(string directory, ArtifactLocations locations, string sarifPath)
    {
        var report = new LintEngine().Run(InputCollector.Collect([directory]));
        using (var writer = new StreamWriter(sarifPath))
        {
            new SarifFormatter(locations).Write(report, writer);
        }

        return report.Diagnostics.Count;
    }
}
