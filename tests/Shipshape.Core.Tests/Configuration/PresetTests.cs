using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests.Configuration;

/// <summary>Presets, rule selectors (IDs, wildcards, categories) and their precedence: preset, then rules:, then the command line.</summary>
public sealed class PresetTests
{
    private static string[] EnabledIds(RuleSettings settings) =>
        RuleCatalog.Descriptors.Where(settings.IsEnabled).Select(d => d.Id).ToArray();

    private static RuleSettings Settings(string configuration, string[]? enable = null, string[]? disable = null, RulePreset? preset = null) =>
        ConfigurationReader.Parse("c.yaml", configuration).ToRuleSettings(enable ?? [], disable ?? [], preset: preset);

    [Fact]
    public void Minimal_runs_the_input_schema_and_consistency_rules_enabled_by_default()
    {
        var enabled = EnabledIds(Settings("preset: minimal\n"));

        Assert.Equal(
            ["SHIP0001", "SHIP0002", "SHIP0003", "SHIP0004", "SHIP0005", "SHIP0006", "SHIP0007", "SHIP1001", "SHIP1002", "SHIP1003", "SHIP1004", "SHIP1005",
             "SHIP1006", "SHIP1007", "SHIP1008", "SHIP1009", "SHIP1010", "SHIP1011", "SHIP1012", "SHIP1013", "SHIP1014", "SHIP1015", "SHIP1016", "SHIP1017",
             "SHIP2001", "SHIP2002", "SHIP2003", "SHIP2004", "SHIP2005", "SHIP2006", "SHIP2007", "SHIP2008", "SHIP2009", "SHIP2010", "SHIP2011",
             "SHIP2012", "SHIP2013", "SHIP2014", "SHIP2015", "SHIP2016", "SHIP2017"],
            enabled);
    }

    [Fact]
    public void Recommended_is_the_default_and_leaves_the_per_container_hardening_rules_to_strict()
    {
        var byDefault = EnabledIds(Settings(""));

        Assert.Equal(EnabledIds(Settings("preset: recommended\n")), byDefault);
        Assert.Equal(RuleCatalog.Descriptors.Where(d => d.IsEnabledByDefault).Select(d => d.Id), byDefault);
        Assert.Contains("SHIP3001", byDefault);
        Assert.Contains("SHIP4007", byDefault);
        foreach (var hardening in new[] { "SHIP3002", "SHIP3003", "SHIP3008", "SHIP3009", "SHIP4003", "SHIP4004", "SHIP4005", "SHIP4006" })
        {
            Assert.DoesNotContain(hardening, byDefault);
        }
    }

    [Fact]
    public void Strict_runs_every_rule_at_its_default_severity()
    {
        var settings = Settings("preset: strict\n");

        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), EnabledIds(settings));
        Assert.Equal(Severity.Info, settings.SeverityOf(RuleCatalog.Find("SHIP3012")!));
        Assert.Equal(Severity.Warning, settings.SeverityOf(RuleCatalog.Find("SHIP3003")!));
    }

    [Fact]
    public void Pod_security_presets_add_their_controls_to_minimal()
    {
        var baseline = EnabledIds(Settings("preset: pss-baseline\n"));
        var restricted = EnabledIds(Settings("preset: pss-restricted\n"));
        var minimal = EnabledIds(Settings("preset: minimal\n"));

        Assert.Equal(["SHIP3001", "SHIP3004", "SHIP3010", "SHIP3015", "SHIP3016", "SHIP3017", "SHIP3018", "SHIP3019", "SHIP3020", "SHIP3021", "SHIP3022"],
            baseline.Except(minimal));
        Assert.Equal(["SHIP3002", "SHIP3003", "SHIP3023", "SHIP3024", "SHIP3025", "SHIP3026"], restricted.Except(baseline));
        Assert.Empty(baseline.Except(restricted));
    }

    [Fact]
    public void A_category_sets_every_rule_in_it_and_turns_on_those_off_by_default()
    {
        var settings = Settings("rules:\n  security: warning\n");

        Assert.All(RuleCatalog.Descriptors.Where(d => d.Category == RuleCategory.Security), d => Assert.Equal(Severity.Warning, settings.SeverityOf(d)));
        Assert.Equal(Severity.Error, settings.SeverityOf(RuleCatalog.Find("SHIP2005")!));
    }

    [Fact]
    public void Security_off_in_the_configuration_silences_every_SHIP3xxx_rule()
    {
        var enabled = EnabledIds(Settings("preset: strict\nrules:\n  security: off\n"));

        Assert.DoesNotContain(enabled, id => id.StartsWith("SHIP3", StringComparison.Ordinal));
        Assert.Contains("SHIP4003", enabled);
    }

    [Fact]
    public void The_more_specific_selector_wins_whatever_its_place_in_the_mapping()
    {
        var settings = Settings("rules:\n  SHIP3001: info\n  SHIP300*: warning\n  SHIP3*: off\n  reliability: error\n  SHIP400*: off\n");

        Assert.Equal(Severity.Info, settings.SeverityOf(RuleCatalog.Find("SHIP3001")!));
        Assert.Equal(Severity.Warning, settings.SeverityOf(RuleCatalog.Find("SHIP3007")!));
        Assert.Null(settings.SeverityOf(RuleCatalog.Find("SHIP3013")!));
        Assert.Null(settings.SeverityOf(RuleCatalog.Find("SHIP4001")!));
        Assert.Equal(Severity.Error, settings.SeverityOf(RuleCatalog.Find("SHIP4011")!));
    }

    [Fact]
    public void Command_line_comes_after_the_configuration_which_comes_after_the_preset()
    {
        var settings = Settings(
            "preset: minimal\nrules:\n  SHIP3003: error\n  SHIP2002: off\n",
            enable: ["security", "SHIP2002"],
            disable: ["SHIP3*", "SHIP1005"]);

        // The command line's wildcard is more specific than its category; the configured level survives --enable.
        Assert.Null(settings.SeverityOf(RuleCatalog.Find("SHIP3003")!));
        Assert.Null(settings.SeverityOf(RuleCatalog.Find("SHIP3001")!));
        Assert.Equal(Severity.Warning, settings.SeverityOf(RuleCatalog.Find("SHIP2002")!));
        Assert.Null(settings.SeverityOf(RuleCatalog.Find("SHIP1005")!));
        Assert.Equal(Severity.Error, settings.SeverityOf(RuleCatalog.Find("SHIP2005")!));
    }

    [Fact]
    public void The_preset_of_the_command_line_replaces_the_configured_one()
    {
        var settings = Settings("preset: strict\n", preset: RulePreset.Minimal);

        Assert.Equal(RulePreset.Minimal, settings.Preset);
        Assert.False(settings.IsEnabled(RuleCatalog.Find("SHIP4001")!));
    }

    [Fact]
    public void Disabling_wins_over_enabling_the_same_selector()
    {
        var settings = Settings("", enable: ["SHIP4*"], disable: ["ship4*"]);

        Assert.DoesNotContain(EnabledIds(settings), id => id.StartsWith("SHIP4", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SHIP3003", 1)]
    [InlineData("ship3*", 42)]
    [InlineData("SHIP40*", 39)]
    [InlineData("SHIP400*", 9)]
    [InlineData("Security", 42)]
    [InlineData("*", 122)]
    public void Selectors_name_ids_wildcards_and_categories(string text, int count)
    {
        Assert.True(RuleSelector.TryParse(text, out var selector));
        Assert.Equal(count, selector.Rules.Count);
    }

    [Theory]
    [InlineData("SHIP9999")]
    [InlineData("SHIP9*")]
    [InlineData("SHIP*3")]
    [InlineData("builder")]
    [InlineData("")]
    public void Selectors_that_name_no_rule_are_refused(string text) =>
        Assert.False(RuleSelector.TryParse(text, out _));

    [Theory]
    [InlineData("preset: loud\n", "c.yaml:1:9: 'preset' must be one of minimal, recommended, strict, pss-baseline, pss-restricted")]
    [InlineData("rules:\n  SHIP9*: off\n", "c.yaml:2:3: 'SHIP9*' under 'rules' names no Shipshape rule; use a rule ID (SHIP3003), a wildcard (SHIP3*) or a category")]
    public void Bad_presets_and_selectors_stop_the_run_with_their_position(string text, string message)
    {
        var exception = Assert.Throws<InputException>(() => ConfigurationReader.Parse("c.yaml", text));
        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimal_on_the_examples_reports_the_intended_errors_and_no_security_or_reliability_finding()
    {
        var options = new LintOptions { Rules = Settings("preset: minimal\n") };
        var report = new LintEngine(options).Run(InputCollector.Collect([RepositoryPaths.Examples]));

        Assert.Equal(
            ["SHIP2001@10:12", "SHIP2005@17:26", "SHIP1001@7:13", "SHIP1001@22:22", "SHIP1004@24:13", "SHIP2003@13:19", "SHIP0002@10:7", "SHIP0001@17:8"],
            report.Active.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Id}@{d.Span.Line}:{d.Span.Column}"));
        Assert.DoesNotContain(report.Active, d => d.Id.StartsWith("SHIP3", StringComparison.Ordinal) || d.Id.StartsWith("SHIP4", StringComparison.Ordinal));
    }
}
