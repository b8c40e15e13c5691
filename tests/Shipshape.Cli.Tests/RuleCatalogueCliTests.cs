namespace Shipshape.Cli.Tests;

/// <summary>What issue 4 promises through the command line: the catalogue's size and the seed's findings.</summary>
public sealed class RuleCatalogueCliTests
{
    [Fact]
    public void Rules_json_lists_at_least_forty_rules()
    {
        var result = CliRunner.Run("rules", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetArrayLength() >= 40, $"only {result.Json.GetArrayLength()} rules");
    }

    [Fact]
    public void Seed_ingress_raises_the_snippet_rule_at_the_annotation()
    {
        var result = CliRunner.Run("lint", "--format", "json", Seed.Path("simple-ingress-server-snippet.yml"));
        Assert.Equal(["SHIP3013@6:5"], result.JsonFindings("SHIP3013"));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Seed_pod_raises_the_latest_tag_rule_at_both_images()
    {
        var result = CliRunner.Run("lint", "--format", "json", Seed.Path("simple-pod.yml"));
        Assert.Equal(["SHIP4001@8:14", "SHIP4001@15:14"], result.JsonFindings("SHIP4001"));
    }

    [Fact]
    public void A_config_setting_the_latest_tag_rule_off_removes_those_findings()
    {
        using var files = new TempFiles();
        // The strict preset, so that the pod's hardening findings (SHIP3xxx) show the other rules still run.
        var config = files.Write(".shipshape.yaml", "preset: strict\nrules:\n  SHIP4001: off\n");

        var result = CliRunner.Run("lint", "--config", config, "--format", "json", Seed.Path("simple-pod.yml"));

        Assert.Empty(result.JsonFindings("SHIP4001"));
        Assert.NotEmpty(result.JsonFindings("SHIP3"));
    }

    [Fact]
    public void Enable_turns_on_a_rule_that_is_off_by_default()
    {
        var result = CliRunner.Run("lint", "--enable", "SHIP3012", "--format", "json", Seed.Path("simple-pod.yml"));
        Assert.Equal(["SHIP3012@6:3"], result.JsonFindings("SHIP3012"));
    }
}
