using System.Diagnostics;

namespace Shipshape.Cli.Tests;

/// <summary>
/// The file system as an attacker (or an accident) shapes it: FIFOs, devices, symlink loops, links to /, /proc,
/// unreadable directories, endless standard input and absurd limits. Each run is a process with an outer time limit,
/// so a hang fails the test instead of hanging the test run.
/// </summary>
[Collection(ExternalProcessTests.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSystemHostileTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n";

    private readonly TempFiles _temp = new();

    private readonly List<string> _locked = [];

    public void Dispose()
    {
        // An unreadable directory left by a test must be readable again to be deleted.
        foreach (var directory in _locked)
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _temp.Dispose();
    }

    [Fact]
    public void A_fifo_a_symlink_loop_and_a_link_to_root_inside_a_directory_are_passed_over()
    {
        _temp.Write("k8s/settings.yaml", ConfigMap);
        MakeFifo("k8s/pipe.yaml");
        Directory.CreateDirectory(Path.Combine(_temp.Root, "k8s", "a", "b"));
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "k8s", "a", "b", "up"), Path.Combine(_temp.Root, "k8s", "a"));
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "k8s", "a", "loop"), "b");
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "k8s", "root"), "/");

        var result = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "k8s", "--format", "json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        var summary = result.Json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("resources").GetInt32());
        Assert.Equal(
            ["did not follow 1 symbolic link leading out of the linted directories; --follow-symlinks follows them"],
            result.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToArray());
    }

    [Theory]
    [InlineData(false, "lint", "{fifo}")]
    [InlineData(false, "lint", "--config", "{fifo}", "settings.yaml")]
    [InlineData(true, "lint", "--schema-file", "{fifo}", "settings.yaml")]
    [InlineData(false, "generate", "csharp", "{fifo}")]
    public void A_fifo_named_anywhere_is_refused_before_it_is_opened(bool namedInFull, params string[] arguments)
    {
        _temp.Write("settings.yaml", ConfigMap);
        MakeFifo("pipe.yaml");

        var result = ShipshapeProcess.Run(Limit, _temp.Root, arguments.Select(a => a.Replace("{fifo}", "pipe.yaml", StringComparison.Ordinal)));

        // --schema-file names the file by its full path, as its other messages do.
        var named = namedInFull ? Path.Combine(_temp.Root, "pipe.yaml") : "pipe.yaml";
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: {named}: not a regular file (it is a FIFO or pipe); give a file, a directory, or - for standard input\n", result.Stderr);
    }

    [Fact]
    public void A_fifo_where_a_schema_location_has_a_kinds_schema_is_refused()
    {
        _temp.Write("widget.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
        Directory.CreateDirectory(Path.Combine(_temp.Root, "schemas"));
        MakeFifo("schemas/widget-example-v1.json");

        var result = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "--schema-location", "schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json", "widget.yaml"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shipshape: schemas/widget-example-v1.json: not a regular file (it is a FIFO or pipe); give a file, a directory, or - for standard input\n", result.Stderr);
    }

    [Theory]
    [InlineData("/dev/zero", "character device")]
    [InlineData("/dev/urandom", "character device")]
    public void A_device_as_the_configuration_is_refused_without_reading_it(string device, string kind)
    {
        _temp.Write("settings.yaml", ConfigMap);

        var result = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "--config", device, "settings.yaml"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: {device}: not a regular file (it is a {kind}); give a file, a directory, or - for standard input\n", result.Stderr);
    }

    [Fact]
    public void Dev_stdin_from_a_pipe_is_read_as_standard_input()
    {
        var result = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "/dev/stdin", "--format", "json"],
            stream => stream.Write("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      portt: 1\n"u8));

        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(["SHIP1002@8:7"], result.JsonFindings("SHIP1"));
        Assert.Equal("<stdin>", result.Json.GetProperty("diagnostics")[0].GetProperty("file").GetString());
    }

    [Fact]
    public void Standard_input_longer_than_the_limit_is_read_only_to_the_limit()
    {
        _temp.Write(".shipshape.yaml", "limits:\n  maxFileBytes: 1048576\n");

        // 64 MB of zeros, made as they are written: the CLI must stop reading after 1 MB and report SHIP0004.
        var result = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "-", "--format", "json"], stream =>
        {
            var block = new byte[64 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                stream.Write(block);
            }
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP0004@1:1"], result.JsonFindings());
        Assert.Contains("more than the limit of 1,048,576 bytes", result.Json.GetProperty("diagnostics")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Proc_as_a_path_finishes_with_findings_or_nothing_found()
    {
        var result = ShipshapeProcess.Run(TimeSpan.FromSeconds(60), _temp.Root, ["lint", "/proc", "--format", "json"]);

        // /proc holds no manifest; what it holds that cannot be listed (fdinfo of other processes in a container) is
        // SHIP0006, which depends on the machine. Either way the run ends, with one of the two.
        if (result.ExitCode == 2)
        {
            Assert.Equal("shipshape: no Kubernetes manifests found in /proc\n", result.Stderr);
        }
        else
        {
            Assert.Equal(1, result.ExitCode);
            Assert.All(result.JsonFindings(), finding => Assert.StartsWith("SHIP0006@1:1", finding, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_file_another_process_holds_an_exclusive_lock_on_is_still_linted_with_its_code_frame()
    {
        var path = _temp.Write("k8s/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndatta: {}\n");

        // .NET on Linux takes an exclusive flock for FileShare.None, as an editor or a build tool may hold one.
        using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var json = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "k8s", "--format", "json"]);
        var text = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "k8s", "--color", "never"]);

        Assert.Equal(["SHIP1002@5:1"], json.JsonFindings());
        Assert.Contains("\n  5 | datta: {}\n", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_subdirectory_is_a_finding_not_silence()
    {
        _temp.Write("k8s/settings.yaml", ConfigMap);
        _temp.Write("k8s/locked/hidden.yaml", ConfigMap);
        var locked = Path.Combine(_temp.Root, "k8s", "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        _locked.Add(locked);

        // Root reads every directory whatever its mode (the capabilities DAC_OVERRIDE and DAC_READ_SEARCH): as root,
        // the CLI runs without them, so the mode counts for it as for anyone.
        var withoutOverride = Environment.UserName == "root" ? new[] { "setpriv", "--bounding-set=-dac_override,-dac_read_search" } : null;
        var result = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "k8s", "--format", "json"], prefix: withoutOverride);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP0006@1:1"], result.JsonFindings());
        var diagnostic = result.Json.GetProperty("diagnostics")[0];
        Assert.Equal("k8s/locked", diagnostic.GetProperty("file").GetString());
        Assert.Contains("the directory cannot be read, so its files were not linted", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, result.Json.GetProperty("summary").GetProperty("resources").GetInt32());
    }

    [Fact]
    public void A_max_depth_beyond_the_ceiling_is_refused_and_the_ceiling_holds_on_deep_input()
    {
        _temp.Write("deep.yaml", new string('[', 100_000) + new string(']', 100_000) + "\n");
        _temp.Write("huge.yaml", "limits:\n  maxDepth: 100000\n");
        _temp.Write("ceiling.yaml", "limits:\n  maxDepth: 2000\n");

        // 30 s: the deep file is read twice over (both readers give up on it), slow on a busy machine.
        var refused = ShipshapeProcess.Run(Limit, _temp.Root, ["lint", "--config", "huge.yaml", "deep.yaml"]);
        var deep = ShipshapeProcess.Run(TimeSpan.FromSeconds(30), _temp.Root, ["lint", "--config", "ceiling.yaml", "deep.yaml", "--format", "json"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("shipshape: huge.yaml:2:13: 'limits.maxDepth' must be a whole number from 1 to 2000\n", refused.Stderr);
        Assert.Equal(1, deep.ExitCode);
        Assert.Equal(["SHIP0004@1:2001"], deep.JsonFindings());
    }

    private void MakeFifo(string name)
    {
        using var mkfifo = Process.Start("mkfifo", [Path.Combine(_temp.Root, name)]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
