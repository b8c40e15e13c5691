using System.Reflection;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Tests;

/// <summary>
/// A strict command line: a mistyped option or command is exit 2 with one line that suggests the right one, never a
/// path and never the help on standard output; <c>@file</c> is an argument, not a response file.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _pod;
    private readonly string _config;

    public CommandLineTests()
    {
        _config = _files.Write(".shipshape.yaml", FocusedConfiguration.Text);
        _pod = _files.Write("pod.yaml", TestManifests.PortCollisionPod);
    }

    [Fact]
    public void A_mistyped_option_is_exit_2_with_a_suggestion_not_a_path()
    {
        var result = CliRunner.Run("lint", "--formt", "json", _pod);

        Assert.Equal(
            (2, string.Empty, "shipshape: Unknown option '--formt'. Did you mean '--format'? Run 'shipshape lint --help' for the usage.\n"),
            (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void A_mistyped_command_is_exit_2_with_a_suggestion()
    {
        var result = CliRunner.Run("lnt", _pod);

        Assert.Equal(
            (2, string.Empty, "shipshape: Unknown command or argument 'lnt'. Did you mean 'lint'? Run 'shipshape --help' for the usage.\n"),
            (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void A_value_outside_the_allowed_ones_is_one_line()
    {
        var result = CliRunner.Run("lint", "--format", "xml", _pod);

        Assert.Equal(
            (2, string.Empty, "shipshape: Argument 'xml' not recognized. Must be one of: 'text', 'json', 'sarif', 'junit', 'github', 'msbuild', 'gitlab'. Run 'shipshape lint --help' for the usage.\n"),
            (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void After_a_double_dash_a_word_with_a_dash_is_a_path()
    {
        var result = CliRunner.Run("lint", "--", "-weird.yaml");

        Assert.Equal((2, "shipshape: -weird.yaml: no such file or directory\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public void A_response_file_is_not_expanded()
    {
        // Expanded, it would turn the port collision off and the run would pass.
        var responseFile = _files.Write("evil.rsp", "--disable\nSHIP2005\n");

        var asPath = CliRunner.Run("lint", "--config", _config, $"@{responseFile}", _pod);
        var asValue = CliRunner.Run("lint", "--config", _config, "--kubernetes-version", $"@{responseFile}", _pod);

        Assert.Equal((2, $"shipshape: @{responseFile}: no such file or directory\n"), (asPath.ExitCode, asPath.Stderr));
        Assert.Equal((2, $"shipshape: --kubernetes-version: '@{responseFile}' is not a version like 1.30\n"), (asValue.ExitCode, asValue.Stderr));
    }

    [Fact]
    public void Fail_level_none_reports_errors_and_exits_0()
    {
        var result = CliRunner.Run("lint", "--config", _config, "--format", "json", "--fail-level", "none", _pod);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Equal(["SHIP2005@14:26"], result.JsonFindings());
    }

    [Fact]
    public void Fail_level_none_overrides_the_configuration()
    {
        var config = _files.Write("warning/.shipshape.yaml", FocusedConfiguration.Text + "failLevel: warning\n");
        var unknownField = _files.Write("warning/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndatta: 1\n");

        Assert.Equal(1, CliRunner.Run("lint", "--config", config, unknownField).ExitCode);
        Assert.Equal(0, CliRunner.Run("lint", "--config", config, "--fail-level", "none", unknownField).ExitCode);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _shipshape_complete shipshape")]
    [InlineData("zsh", "compdef _shipshape_complete shipshape")]
    [InlineData("fish", "complete -c shipshape -a")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName shipshape")]
    public void Completion_prints_a_script_for_each_shell(string shell, string registration)
    {
        var result = CliRunner.Run("completion", shell);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        Assert.Contains(registration, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggest_directive_the_scripts_call_completes_options()
    {
        var result = CliRunner.Run("[suggest:11]", "lint --form");

        Assert.Equal((0, "--format\n"), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public void Version_prints_the_informational_version_and_stands_alone()
    {
        var version = CliRunner.Run("--version");
        var combined = CliRunner.Run("--version", "lint");

        var expected = typeof(ShipshapeCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal((0, expected + "\n", string.Empty), (version.ExitCode, version.Stdout, version.Stderr));
        Assert.Equal((2, "shipshape: The --version option cannot be combined with other arguments: give it alone. Run 'shipshape --help' for the usage.\n"),
            (combined.ExitCode, combined.Stderr));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_names_the_tool_and_lists_the_root_options(string option)
    {
        var result = CliRunner.Run(option);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Description:\n  shipshape: lint and validate Kubernetes manifests\n\nUsage:\n  shipshape [command] [options]\n\nOptions:\n" +
            "  --verbose       Show stack traces for internal errors\n  -?, -h, --help  Show help and usage information\n  --version       Show version information\n",
            result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_an_option_of_every_command()
    {
        var result = CliRunner.Run("rules", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n  -?, -h, --help            Show help and usage information\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_a_configuration_that_lint_reads_and_refuses_to_overwrite_it()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_files.Root, "fresh")).FullName;
        File.Copy(_pod, Path.Combine(directory, "pod.yaml"));

        var init = RealCli.Run("shipshape init", directory);
        var written = File.ReadAllText(Path.Combine(directory, ".shipshape.yaml"));
        var lint = RealCli.Run("shipshape lint --format json pod.yaml", directory);
        var again = RealCli.Run("shipshape init", directory);

        Assert.Equal((0, string.Empty), (init.ExitCode, init.Stderr));
        Assert.Contains($"kubernetesVersion: \"{KubernetesVersions.Default}\"\n", written, StringComparison.Ordinal);
        Assert.Contains("# preset: recommended\n", written, StringComparison.Ordinal);
        Assert.Equal((1, string.Empty), (lint.ExitCode, lint.Stderr));
        Assert.Contains($"\"kubernetesVersion\": \"{KubernetesVersions.Default}\"", lint.Stdout, StringComparison.Ordinal);
        Assert.Equal((2, "shipshape: .shipshape.yaml already exists here; edit it, or remove it to start again\n"), (again.ExitCode, again.Stderr));
        Assert.Equal(written, File.ReadAllText(Path.Combine(directory, ".shipshape.yaml")));
    }

    [Fact]
    public void Init_refuses_a_dangling_link_of_the_configuration_name()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_files.Root, "linked")).FullName;
        var target = Path.Combine(_files.Root, "outside.yaml");
        File.CreateSymbolicLink(Path.Combine(directory, ".shipshape.yaml"), target);

        var init = RealCli.Run("shipshape init", directory);

        Assert.Equal(2, init.ExitCode);
        Assert.False(File.Exists(target), "init wrote through a symbolic link");
    }

    public void Dispose() => _files.Dispose();
}
