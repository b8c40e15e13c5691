using Shipshape.Core.Analysis;
using Shipshape.Core.Configuration;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules.Consistency;

namespace Shipshape.Core.Tests.Configuration;

public sealed class ConfigurationReaderTests
{
    [Fact]
    public void Reads_every_key()
    {
        var configuration = ConfigurationReader.Parse(".shipshape.yaml", """
            rules:
              SHIP2005: off
              ship2002: error
            exclude:
              - "charts/**"
            kubernetesVersion: 1.27
            strict: true
            failLevel: warning
            """);

        Assert.Equal(RuleLevel.Off, configuration.Rules["SHIP2005"]);
        Assert.Equal(RuleLevel.Error, configuration.Rules["SHIP2002"]);
        Assert.Equal(["charts/**"], configuration.Exclude);
        Assert.Equal("1.27", configuration.KubernetesVersion);
        Assert.True(configuration.Strict);
        Assert.Equal(FailLevel.Warning, configuration.FailLevel);
    }

    [Theory]
    [InlineData("rules:\n  SHIP2005: off\nexlude:\n  - a\n", "c.yaml:3:1: unknown key 'exlude'; the configuration's keys are preset, rules, exclude, kubernetesVersion, strict, failLevel, limits")]
    [InlineData("rules:\n  SHIP2005: loud\n", "c.yaml:2:13: the level of SHIP2005 must be off, info, warning or error")]
    [InlineData("rules:\n  SHIP9999: off\n", "c.yaml:2:3: 'SHIP9999' under 'rules' names no Shipshape rule; use a rule ID (SHIP3003), a wildcard (SHIP3*) or a category (input, schema, consistency, security, reliability) ('shipshape rules' lists the IDs)")]
    [InlineData("rules: [SHIP2005]\n", "c.yaml:1:8: 'rules' must be a mapping of rule IDs, wildcards or categories to off, info, warning or error, not a list")]
    [InlineData("exclude: charts/**\n", "c.yaml:1:10: 'exclude' must be a list of glob patterns, not a string")]
    [InlineData("strict: maybe\n", "c.yaml:1:9: 'strict' must be true or false, not a string")]
    [InlineData("kubernetesVersion: latest\n", "c.yaml:1:20: 'kubernetesVersion' must be a version like \"1.30\"")]
    [InlineData("failLevel: off\n", "c.yaml:1:12: 'failLevel' must be error, warning or info")]
    [InlineData("- rules\n", "c.yaml:1:1: the configuration must be a mapping of preset, rules, exclude, kubernetesVersion, strict, failLevel, limits, not a list")]
    [InlineData("rules: {\n", "c.yaml:2:1: ")]
    public void The_first_problem_stops_the_run_with_its_position(string text, string message)
    {
        var exception = Assert.Throws<InputException>(() => ConfigurationReader.Parse("c.yaml", text));
        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_enable_and_disable_override_the_configured_levels()
    {
        var configuration = ConfigurationReader.Parse("c.yaml", "rules:\n  SHIP2005: warning\n  SHIP2006: off\n  SHIP2002: info\nstrict: true\n");

        var settings = configuration.ToRuleSettings(enable: ["SHIP2005", "ship2006"], disable: ["SHIP2002"], strict: false);

        Assert.Equal(Severity.Warning, settings.SeverityOf(SHIP2005ContainerPortCollision.Rule));
        Assert.Equal(Severity.Error, settings.SeverityOf(SHIP2006DuplicateContainerName.Rule));
        Assert.Null(settings.SeverityOf(SHIP2002ServiceSelectsNothing.Rule));
        Assert.False(settings.Strict);
    }

    [Fact]
    public void An_empty_file_is_an_empty_configuration()
    {
        var configuration = ConfigurationReader.Parse("c.yaml", "# nothing yet\n");
        Assert.Empty(configuration.Rules);
        Assert.Null(configuration.Strict);
    }

    [Fact]
    public void FindUpward_finds_the_nearest_file_above()
    {
        var root = Directory.CreateTempSubdirectory("shipshape-config-").FullName;
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
            File.WriteAllText(Path.Combine(root, ConfigurationReader.FileName), "strict: true\n");
            Assert.Equal(Path.Combine(root, ConfigurationReader.FileName), ConfigurationReader.FindUpward(nested));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
