namespace Shipshape.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_json_lists_every_rule_with_its_metadata()
    {
        var result = CliRunner.Run("rules", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var rules = result.Json.EnumerateArray().ToArray();
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var collision = Assert.Single(rules, r => r.GetProperty("id").GetString() == "SHIP2005");
        Assert.Equal("error", collision.GetProperty("defaultSeverity").GetString());
        Assert.Equal("Consistency", collision.GetProperty("category").GetString());
        Assert.EndsWith("/rules/SHIP2005.md", collision.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_the_rule_document()
    {
        var result = CliRunner.Run("explain", "ship2005");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# SHIP2005: Port collision inside a pod", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_exits_2()
    {
        var result = CliRunner.Run("explain", "SHIP9999");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shipshape: no rule 'SHIP9999'; 'shipshape rules' lists them\n", result.Stderr);
    }
}
