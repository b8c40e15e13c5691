using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Shipshape.Cli.Tests;

/// <summary>
/// action.yml's resolve and install steps against a fake release folder made here, as the release workflow lays it
/// out (<c>v1.2.3/shipshape-&lt;rid&gt;.tar.gz</c>, <c>shipshape-win-x64.zip</c>, <c>SHA256SUMS</c>), and a fake
/// GitHub API answer on disk: no network. The archived <c>shipshape</c> is a shell script that names its release.
/// </summary>
[Collection(ExternalProcessTests.Name)]
public sealed class ReleaseDownloadActionTests : IDisposable
{
    private static readonly string[] AllRuntimes = ["linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64"];

    private readonly ActionDefinition _action = ActionDefinition.Load(Path.Combine(CiTestPaths.Root, "action.yml"));
    private readonly TempFiles _temp = new();

    private string Releases => Path.Combine(_temp.Root, "releases");

    private string Api => Path.Combine(_temp.Root, "api");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Linux", "X64", "linux-x64", "shipshape")]
    [InlineData("Linux", "ARM64", "linux-arm64", "shipshape")]
    [InlineData("macOS", "X64", "osx-x64", "shipshape")]
    [InlineData("macOS", "ARM64", "osx-arm64", "shipshape")]
    [InlineData("Windows", "X64", "win-x64", "shipshape.exe")]
    public void The_action_tag_downloads_the_runners_archive_verifies_it_and_installs_its_binary(string os, string arch, string rid, string executable)
    {
        PublishRelease("1.2.3", AllRuntimes);

        var run = Install(actionRef: "v1.2.3", os: os, arch: arch);

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        var command = Path.Combine(run.ToolCache, "shipshape", "1.2.3", rid, executable);
        Assert.Equal(command, run.StepOutputs("install")["command"]);
        Assert.Equal($"shipshape 1.2.3 {rid} --version\n", CiProcess.Run(command, ["--version"]).Output);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2.3")]
    public void The_version_input_pins_a_release_whatever_the_action_ref(string version)
    {
        PublishRelease("1.2.3", AllRuntimes);

        var run = Install(actionRef: "main", version: version);

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Equal("shipshape 1.2.3 linux-x64 \n", CiProcess.Run(run.StepOutputs("install")["command"], []).Output);
    }

    [Fact]
    public void A_major_tag_resolves_to_the_newest_release_of_that_major_through_the_api()
    {
        PublishRelease("1.10.0", AllRuntimes);
        // Newest first, as the API lists them; a prerelease, another major and v11 must not be chosen.
        WriteApiReleases("v2.0.0", "v1.11.0-rc.1", "v11.0.0", "v1.10.0", "v1.9.3", "v1.2.0");

        var run = Install(actionRef: "v1");

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Equal("1.10.0", run.StepOutputs("resolve")["version"]);
        Assert.Equal("shipshape 1.10.0 linux-x64 \n", CiProcess.Run(run.StepOutputs("install")["command"], []).Output);
    }

    [Fact]
    public void Latest_resolves_to_the_newest_release_of_any_major()
    {
        WriteApiReleases("v1.11.0-rc.1", "v1.10.0", "v2.0.1", "v2.0.0");

        var run = Install(actionRef: "v1", version: "latest", skipInstall: true);

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Equal("2.0.1", run.StepOutputs("resolve")["version"]);
    }

    [Fact]
    public void An_unreachable_api_fails_with_one_line()
    {
        var run = Install(actionRef: "v1");

        Assert.Equal(("Resolve shipshape release", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::Could not list the releases of shipshape-io/shipshape; set the version input to a version like 1.2.3.\n",
            run.Log);
    }

    [Fact]
    public void A_major_without_releases_fails_with_one_line()
    {
        WriteApiReleases("v2.0.0");

        var run = Install(actionRef: "v1");

        Assert.Equal(("Resolve shipshape release", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::shipshape-io/shipshape has no v1.x.y release; pin the action to a release such as @v1.2.3 or set the version input.\n",
            run.Log);
    }

    [Fact]
    public void Without_an_action_ref_the_checkout_directory_of_the_action_names_the_release()
    {
        PublishRelease("1.2.3", AllRuntimes);

        var run = Install(actionRef: string.Empty, actionPath: Path.Combine(_temp.Root, "_actions", "shipshape-io", "shipshape", "v1.2.3"));

        Assert.True(run.Failure is null, $"{run.Failure}\n{run.Log}");
        Assert.Equal("1.2.3", run.StepOutputs("resolve")["version"]);
    }

    [Theory]
    [InlineData("main", "v1.2.3")]
    [InlineData("8f3c2a1b9d4e5f60718293a4b5c6d7e8f9012345", "v1.2.3")]
    [InlineData("", "main")]
    public void A_branch_or_commit_ref_is_refused_without_a_version(string actionRef, string checkoutDirectory)
    {
        var run = Install(actionRef: actionRef, actionPath: Path.Combine(_temp.Root, "_actions", "shipshape-io", "shipshape", checkoutDirectory));

        Assert.Equal(("Resolve shipshape release", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::The action is used at a branch or commit, which has no release binary: pin it to a release tag " +
            "(@v1 or @v1.2.3), set the version input to a version like 1.2.3, or set it to local to build from the action's checkout.\n",
            run.Log);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3 --source evil")]
    [InlineData("$(touch x)")]
    public void A_version_input_of_the_wrong_shape_is_refused(string version)
    {
        var run = Install(actionRef: "v1.2.3", version: version);

        Assert.Equal(("Resolve shipshape release", 2), run.Failure);
        Assert.Equal("::error title=shipshape::The version input must be empty, latest, local or a version like 1.2.3.\n", run.Log);
    }

    [Fact]
    public void A_runner_without_a_release_binary_is_refused()
    {
        var run = Install(actionRef: "v1.2.3", os: "Windows", arch: "ARM64");

        Assert.Equal(("Resolve shipshape release", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::No shipshape release binary exists for a Windows ARM64 runner; set the version input to local to build from the action's checkout.\n",
            run.Log);
    }

    [Fact]
    public void A_tampered_archive_is_refused_and_nothing_is_installed()
    {
        PublishRelease("1.2.3", AllRuntimes);
        using (var archive = File.OpenWrite(Path.Combine(Releases, "v1.2.3", "shipshape-linux-x64.tar.gz")))
        {
            archive.Seek(-1, SeekOrigin.End);
            archive.WriteByte(0x5A);
        }

        var run = Install(actionRef: "v1.2.3");

        Assert.Equal(("Install shipshape", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::shipshape-linux-x64.tar.gz of shipshape release v1.2.3 does not match its SHA-256 in SHA256SUMS; the download was not used.\n",
            run.Log);
        Assert.False(Directory.Exists(Path.Combine(run.ToolCache, "shipshape")));
    }

    [Fact]
    public void An_archive_missing_from_the_checksums_is_refused()
    {
        PublishRelease("1.2.3", AllRuntimes, sums: AllRuntimes.Where(rid => rid != "linux-x64"));

        var run = Install(actionRef: "v1.2.3");

        Assert.Equal(("Install shipshape", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::SHA256SUMS of shipshape release v1.2.3 has no entry for shipshape-linux-x64.tar.gz; the download was not used.\n",
            run.Log);
        Assert.False(Directory.Exists(Path.Combine(run.ToolCache, "shipshape")));
    }

    [Fact]
    public void A_release_without_the_archive_fails_with_one_line()
    {
        PublishRelease("1.2.3", ["osx-arm64"]);

        var run = Install(actionRef: "v1.2.3");

        Assert.Equal(("Install shipshape", 2), run.Failure);
        Assert.Equal(
            "::error title=shipshape::Could not download shipshape-linux-x64.tar.gz of shipshape release v1.2.3; check that the release exists.\n",
            run.Log);
    }

    [Fact]
    public void A_cached_binary_is_used_without_downloading()
    {
        // No release folder at all: a download would fail, so success means the cache restored by actions/cache was used.
        var run = new ActionRun(_action, CiTestPaths.Root, _temp.Root, _temp.Root, new Dictionary<string, string>()) { ActionRef = "v1.2.3" };
        var cached = Path.Combine(run.ToolCache, "shipshape", "1.2.3", "linux-x64", "shipshape");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllText(cached, "#!/bin/sh\necho cached\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cached, (UnixFileMode)0b111_101_101);
        }
        run.Environment["SHIPSHAPE_RELEASES_URL"] = Releases;
        run.Environment["RUNNER_OS"] = "Linux";
        run.Environment["RUNNER_ARCH"] = "X64";

        Assert.True(run.RunOnly("resolve") && run.RunOnly("install"), $"{run.Failure}\n{run.Log}");
        Assert.Equal(cached, run.StepOutputs("install")["command"]);
    }

    [Fact]
    public void The_cache_step_is_keyed_on_version_and_runtime_and_skipped_for_local()
    {
        var text = File.ReadAllText(Path.Combine(CiTestPaths.Root, "action.yml"));
        var cache = Assert.Single(_action.Steps, step => step.Uses is not null);
        Assert.Equal("actions/cache@v4", cache.Uses);
        Assert.True(
            _action.Steps.ToList().IndexOf(cache) == _action.Steps.ToList().FindIndex(step => step.Id == "install") - 1,
            "the cache step must come right before the install step");
        Assert.Contains(
            "      if: steps.resolve.outputs.version != 'local'\n      uses: actions/cache@v4\n      with:\n" +
            "        path: ${{ steps.resolve.outputs.directory }}\n" +
            "        key: shipshape-${{ steps.resolve.outputs.version }}-${{ steps.resolve.outputs.rid }}\n",
            text, StringComparison.Ordinal);
    }

    private ActionRun Install(
        string actionRef, string? version = null, string os = "Linux", string arch = "X64", bool skipInstall = false, string? actionPath = null)
    {
        var runnerTemp = Directory.CreateDirectory(Path.Combine(_temp.Root, "runner-" + Guid.NewGuid().ToString("N"))).FullName;
        var inputs = version is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["version"] = version };
        var run = new ActionRun(_action, actionPath ?? CiTestPaths.Root, _temp.Root, runnerTemp, inputs) { ActionRef = actionRef };
        run.Environment["RUNNER_OS"] = os;
        run.Environment["RUNNER_ARCH"] = arch;
        // A plain directory for the release downloads, a file:// URL for the API: both forms must work.
        run.Environment["SHIPSHAPE_RELEASES_URL"] = Releases;
        run.Environment["SHIPSHAPE_API_URL"] = new Uri(Api).AbsoluteUri;
        if (run.RunOnly("resolve") && !skipInstall)
        {
            run.RunOnly("install");
        }

        return run;
    }

    /// <summary>The release's archives, each holding a script <c>shipshape</c> (or shipshape.exe) that prints its release, and SHA256SUMS.</summary>
    private void PublishRelease(string version, IEnumerable<string> rids, IEnumerable<string>? sums = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Releases, "v" + version)).FullName;
        foreach (var rid in rids)
        {
            var script = System.Text.Encoding.UTF8.GetBytes($"#!/bin/sh\necho \"shipshape {version} {rid} $*\"\n");
            if (rid == "win-x64")
            {
                using var zip = ZipFile.Open(Path.Combine(folder, "shipshape-win-x64.zip"), ZipArchiveMode.Create);
                var entry = zip.CreateEntry("shipshape.exe");
                entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
                using (var stream = entry.Open())
                {
                    stream.Write(script);
                }

                zip.CreateEntry("LICENSE");
                zip.CreateEntry("README.md");
            }
            else
            {
                using var file = File.Create(Path.Combine(folder, $"shipshape-{rid}.tar.gz"));
                using var gzip = new GZipStream(file, CompressionLevel.Fastest);
                using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "shipshape") { Mode = (UnixFileMode)0b111_101_101, DataStream = new MemoryStream(script) });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "LICENSE") { Mode = (UnixFileMode)0b110_100_100, DataStream = new MemoryStream("MIT\n"u8.ToArray()) });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "README.md") { Mode = (UnixFileMode)0b110_100_100, DataStream = new MemoryStream("# shipshape\n"u8.ToArray()) });
            }
        }

        var lines = (sums ?? rids).Select(rid =>
        {
            var name = rid == "win-x64" ? "shipshape-win-x64.zip" : $"shipshape-{rid}.tar.gz";
            var path = Path.Combine(folder, name);
            var hash = File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : new string('0', 64);
            return $"{hash}  {name}\n";
        });
        File.WriteAllText(Path.Combine(folder, "SHA256SUMS"), string.Concat(lines));
    }

    private void WriteApiReleases(params string[] tags)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Api, "repos", "shipshape-io", "shipshape")).FullName;
        var releases = tags.Select(tag => $$"""
              {
                "tag_name": "{{tag}}",
                "name": "{{tag}}",
                "draft": false,
                "prerelease": {{(tag.Contains('-', StringComparison.Ordinal) ? "true" : "false")}}
              }
            """);
        File.WriteAllText(Path.Combine(folder, "releases"), "[\n" + string.Join(",\n", releases) + "\n]\n");
    }
}
