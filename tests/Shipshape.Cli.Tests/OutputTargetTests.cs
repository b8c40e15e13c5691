namespace Shipshape.Cli.Tests;

/// <summary>
/// A report or generated code never overwrites what it was made from, however the path is spelled: through a
/// symbolic link, a hard link, a symlinked directory, onto the configuration, or where the next run would lint it.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n";

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_symbolic_link_to_a_linted_file_is_refused_and_the_file_kept()
    {
        var manifest = _temp.Write("k8s/a.yaml", ConfigMap);
        var report = Path.Combine(_temp.Root, "r.json");
        File.CreateSymbolicLink(report, manifest);

        var result = CliRunner.Run("lint", Path.Combine(_temp.Root, "k8s"), "--format", "json", "--output", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: --output: {report} is a symbolic link; Shipshape never writes a report through a link, which could overwrite a file elsewhere. Remove the link or choose another path\n", result.Stderr);
        Assert.Equal(ConfigMap, File.ReadAllText(manifest));
    }

    [Fact]
    public void A_symbolic_link_pointing_nowhere_is_refused_and_nothing_is_created()
    {
        _temp.Write("k8s/a.yaml", ConfigMap);
        var outside = Path.Combine(_temp.Root, "outside", "stolen.sarif");
        var report = Path.Combine(_temp.Root, "shipshape.sarif");
        File.CreateSymbolicLink(report, outside);

        var result = CliRunner.Run("lint", Path.Combine(_temp.Root, "k8s"), "--format", "sarif", "--output", report);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(outside));
    }

    [Fact]
    public void A_hard_link_to_a_linted_file_is_refused_and_the_file_kept()
    {
        var manifest = _temp.Write("k8s/a.yaml", ConfigMap);
        var report = Path.Combine(_temp.Root, "r.json");
        Link(manifest, report);

        var result = CliRunner.Run("lint", manifest, "--format", "json", "--output", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: --output: {report} is one of the linted files; Shipshape never writes to the files it lints\n", result.Stderr);
        Assert.Equal(ConfigMap, File.ReadAllText(manifest));
    }

    [Fact]
    public void A_linted_file_reached_through_a_symlinked_directory_is_refused()
    {
        var manifest = _temp.Write("k8s/a.yaml", ConfigMap);
        var alias = Path.Combine(_temp.Root, "alias");
        Directory.CreateSymbolicLink(alias, Path.Combine(_temp.Root, "k8s"));
        var report = Path.Combine(alias, "a.yaml");

        var result = CliRunner.Run("lint", manifest, "--format", "json", "--output", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: --output: {report} is one of the linted files; Shipshape never writes to the files it lints\n", result.Stderr);
        Assert.Equal(ConfigMap, File.ReadAllText(manifest));
    }

    [Fact]
    public void The_configuration_in_use_is_refused()
    {
        var manifest = _temp.Write("k8s/a.yaml", ConfigMap);
        var configuration = _temp.Write("settings.yaml", "failLevel: error\n");

        var result = CliRunner.Run("lint", manifest, "--config", configuration, "--format", "json", "--output", configuration);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: --output: {configuration} is the configuration in use; Shipshape never writes to the files it reads\n", result.Stderr);
        Assert.Equal("failLevel: error\n", File.ReadAllText(configuration));
    }

    [Fact]
    public void A_manifest_named_report_inside_a_linted_directory_is_refused_and_a_sarif_one_written()
    {
        _temp.Write("k8s/a.yaml", ConfigMap);
        var directory = Path.Combine(_temp.Root, "k8s");
        var json = Path.Combine(directory, "report.json");
        var sarif = Path.Combine(directory, "report.sarif");

        var refused = CliRunner.Run("lint", directory, "--format", "json", "--output", json);
        var written = CliRunner.Run("lint", directory, "--format", "sarif", "--output", sarif);
        var again = CliRunner.Run("lint", directory, "--format", "json");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"shipshape: --output: {json} is inside a linted directory, so the next run would lint the report; write it outside, or name it *.sarif or *.xml\n", refused.Stderr);
        Assert.False(File.Exists(json));
        Assert.Equal(0, written.ExitCode);
        Assert.True(File.Exists(sarif));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1, again.Json.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void A_report_replaces_an_old_one_without_touching_its_other_hard_links()
    {
        var manifest = _temp.Write("k8s/a.yaml", ConfigMap);
        var report = _temp.Write("out/report.json", "old\n");
        var copy = Path.Combine(_temp.Root, "out", "kept.json");
        Link(report, copy);

        var result = CliRunner.Run("lint", manifest, "--format", "json", "--output", report);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(copy));
    }

    [Fact]
    public void Generate_never_writes_over_its_own_input()
    {
        var manifest = _temp.Write("a.yaml", ConfigMap);

        var result = CliRunner.Run("generate", "csharp", manifest, "--output", manifest);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: --output: {manifest} is one of the input files; Shipshape never writes to the files it reads\n", result.Stderr);
        Assert.Equal(ConfigMap, File.ReadAllText(manifest));
    }

    private static void Link(string existing, string link)
    {
        using var ln = System.Diagnostics.Process.Start("ln", [existing, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
