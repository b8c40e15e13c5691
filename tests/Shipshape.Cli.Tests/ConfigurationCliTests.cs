namespace Shipshape.Cli.Tests;

/// <summary>.shipshape.yaml and --enable/--disable, through the command line.</summary>
public sealed class ConfigurationCliTests
{
    [Fact]
    public void A_config_file_with_an_unknown_key_exits_2_naming_the_key_and_its_line()
    {
        using var files = new TempFiles();
        var manifest = files.Write("pod.yaml", TestManifests.PortCollisionPod);
        var config = files.Write(".shipshape.yaml", "rules:\n  SHIP2005: warning\nexclude_paths:\n  - vendor/**\n");

        var result = CliRunner.Run("lint", "--config", config, manifest);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"shipshape: {config}:3:1: unknown key 'exclude_paths'; the configuration's keys are preset, rules, exclude, kubernetesVersion, strict, failLevel, limits\n", result.Stderr);
    }

    [Fact]
    public void Configured_levels_apply_and_disable_on_the_command_line_wins()
    {
        using var files = new TempFiles();
        var manifest = files.Write("pod.yaml", TestManifests.PortCollisionPod);
        var config = files.Write(".shipshape.yaml", "rules:\n  SHIP2005: warning\n");

        var configured = CliRunner.Run("lint", "--config", config, "--format", "json", manifest);
        var disabled = CliRunner.Run("lint", "--config", config, "--disable", "SHIP2005", "--format", "json", manifest);

        Assert.Equal(0, configured.ExitCode);
        var finding = Assert.Single(configured.Json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "SHIP2005");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.DoesNotContain(disabled.JsonFindings(), f => f.StartsWith("SHIP2005@", StringComparison.Ordinal));
    }

    [Fact]
    public void Fail_level_from_the_config_applies_unless_the_command_line_gives_one()
    {
        using var files = new TempFiles();
        var manifest = files.Write("pod.yaml", TestManifests.PortCollisionPod);
        var config = files.Write(".shipshape.yaml", "rules:\n  SHIP2005: warning\nfailLevel: warning\n");

        Assert.Equal(1, CliRunner.Run("lint", "--config", config, manifest).ExitCode);
        Assert.Equal(0, CliRunner.Run("lint", "--config", config, "--fail-level", "error", manifest).ExitCode);
    }

    [Fact]
    public void Exclude_globs_skip_files_found_in_directories_relative_to_the_config()
    {
        using var files = new TempFiles();
        files.Write("app/pod.yaml", TestManifests.PortCollisionPod);
        files.Write("vendor/chart/pod.yaml", TestManifests.PortCollisionPod);
        var config = files.Write(".shipshape.yaml", "exclude:\n  - vendor/**\n");

        var result = CliRunner.Run("lint", "--config", config, "--format", "json", files.Root);

        Assert.Equal(1, result.Json.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void An_unknown_rule_on_the_command_line_exits_2()
    {
        using var files = new TempFiles();
        var manifest = files.Write("pod.yaml", TestManifests.PortCollisionPod);

        var result = CliRunner.Run("lint", "--disable", "SHIP9999", manifest);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shipshape: --enable/--disable: 'SHIP9999' names no rule; give a rule ID (SHIP3003), a wildcard (SHIP3*) or a category (input, schema, consistency, security, reliability) ('shipshape rules' lists the IDs)\n", result.Stderr);
    }
}

public sealed class ConfigurationLimitsTests
{
    [Fact]
    public void Limits_in_the_configuration_replace_the_loader_defaults()
    {
        using var files = new TempFiles();
        var manifest = files.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  a: [[[1]]]\n");
        var config = files.Write(".shipshape.yaml", "limits:\n  maxDepth: 3\n");

        var limited = CliRunner.Run("lint", "--config", config, "--format", "json", manifest);
        var unlimited = CliRunner.Run("lint", "--format", "json", manifest);

        Assert.Equal(["SHIP0004@6:7"], limited.JsonFindings().Where(f => f.StartsWith("SHIP0", StringComparison.Ordinal)));
        Assert.DoesNotContain(unlimited.JsonFindings(), f => f.StartsWith("SHIP0004", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_or_invalid_limit_exits_2_with_its_position()
    {
        using var files = new TempFiles();
        var manifest = files.Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        var unknown = files.Write("unknown.yaml", "limits:\n  maxDeep: 3\n");
        var negative = files.Write("negative.yaml", "limits:\n  maxDepth: -1\n");

        var first = CliRunner.Run("lint", "--config", unknown, manifest);
        var second = CliRunner.Run("lint", "--config", negative, manifest);

        Assert.Equal(2, first.ExitCode);
        Assert.Equal($"shipshape: {unknown}:2:3: unknown key 'maxDeep' under 'limits'; its keys are maxFileBytes, maxDocuments, maxDepth, maxExpandedNodes, maxScalarLength\n", first.Stderr);
        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"shipshape: {negative}:2:13: 'limits.maxDepth' must be a whole number from 1 to 2000\n", second.Stderr);
    }
}
