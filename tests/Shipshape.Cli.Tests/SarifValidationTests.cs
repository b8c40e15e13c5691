using System.Text.Json;
using Shipshape.Cli.Output;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Cli.Tests;

/// <summary>
/// Shipshape's SARIF checked by Microsoft's SARIF Multitool against the 2.1.0 schema and GitHub's own ingestion
/// rules (<c>--rule-kind "Gh;Sarif"</c>): the bar is no errors and no GitHub-rule findings at all.
/// </summary>
[Collection(ExternalProcessTests.Name)]
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
        string[] files = [Path.Combine(temp.Root, "seed.sarif"), Path.Combine(temp.Root, "examples.sarif"), Path.Combine(temp.Root, "suppressed.sarif"), Path.Combine(temp.Root, "helm.sarif")];
        var seed = Write(Lint(Seed.Directory), ArtifactLocations.For(Seed.Directory), files[0]);
        var examples = Write(Lint(CiTestPaths.Examples), ArtifactLocations.For(CiTestPaths.Root), files[1]);
        Write(ReportFormatTests.SuppressedFindingReport(), ArtifactLocations.For(temp.Root), files[2]);

        // Findings with their Helm template as a related location.
        var rendered = temp.Write("rendered.yaml", HelmProvenanceCliTests.RenderedChart);
        Write(new LintEngine().Run([InputSource.FromFile(rendered)]), ArtifactLocations.For(temp.Root), files[3]);
        Assert.True(examples > 0, "the examples should produce findings, so results are validated too");

        var log = Path.Combine(temp.Root, "validation.sarif");
        var (exitCode, output) = CiProcess.Run(multitool, ["validate", .. files, "-o", log, "--rule-kind", "Gh;Sarif"]);

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

    private static LintReport Lint(string directory) => new LintEngine().Run(InputCollector.Collect([directory]));

    /// <summary>Writes the report as SARIF and returns how many results it holds.</summary>
    private static int Write(LintReport report, ArtifactLocations locations, string sarifPath)
    {
        using (var writer = new StreamWriter(sarifPath))
        {
            new SarifFormatter(locations).Write(report, writer);
        }

        return report.Diagnostics.Count;
    }
}
