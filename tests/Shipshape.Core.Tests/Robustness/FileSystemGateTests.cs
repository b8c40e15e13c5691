using System.Diagnostics;
using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>The file-system gate: kinds and identities as stat(1) sees them, real paths, and what a walk skips by name.</summary>
public sealed class FileSystemGateTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shipshape-fs-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Status_gives_the_kind_size_and_inode_that_stat_reports()
    {
        var file = Path.Combine(_root, "a.yaml");
        File.WriteAllText(file, "kind: x\n");
        var fifo = Path.Combine(_root, "pipe.yaml");
        Run("mkfifo", fifo);
        var link = Path.Combine(_root, "link.yaml");
        File.CreateSymbolicLink(link, file);

        var status = PathStatus.Of(file);

        Assert.Equal(PathKind.RegularFile, status.Kind);
        Assert.Equal(8, status.Size);
        Assert.Equal(long.Parse(Run("stat", "-c", "%i", file), System.Globalization.CultureInfo.InvariantCulture), status.Identity.Inode);
        Assert.Equal(long.Parse(Run("stat", "-c", "%d", file), System.Globalization.CultureInfo.InvariantCulture), status.Identity.Device);
        Assert.Equal(PathKind.Pipe, PathStatus.Of(fifo).Kind);
        Assert.Equal(PathKind.CharacterDevice, PathStatus.Of("/dev/null").Kind);
        Assert.Equal(PathKind.Directory, PathStatus.Of(_root).Kind);
        Assert.Equal(PathKind.Missing, PathStatus.Of(Path.Combine(_root, "none")).Kind);
        Assert.Equal(PathKind.SymbolicLink, PathStatus.OfLink(link).Kind);
        Assert.Equal(status.Identity, PathStatus.Of(link).Identity);
    }

    [Fact]
    public void A_file_another_holder_locks_exclusively_is_still_read_by_the_engine()
    {
        // The MSBuild task reads through the engine in a host that keeps .NET's advisory locks, and an
        // editor or a build may hold one. flock locks belong to each opening, so this test's own lock is another holder's.
        var file = Path.Combine(_root, "cm.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        using var holder = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.Throws<IOException>(() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read).Dispose());

        var (read, problem) = InputSource.FromFile(file).Read(new LoaderLimits());

        Assert.Null(problem);
        Assert.Equal("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n", read!.Text);
    }

    [Fact]
    public void Real_paths_resolve_links_in_the_middle_and_at_the_end()
    {
        var real = Directory.CreateDirectory(Path.Combine(_root, "real", "k8s")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), Path.Combine(_root, "real"));
        File.CreateSymbolicLink(Path.Combine(real, "up"), "..");

        Assert.Equal(real, RealPaths.Resolve(Path.Combine(_root, "alias", "k8s")));
        Assert.Equal(Path.Combine(_root, "real"), RealPaths.Resolve(Path.Combine(_root, "alias", "k8s", "up")));
        Assert.True(RealPaths.IsWithin(real, Path.Combine(_root, "real")));
        Assert.False(RealPaths.IsWithin(Path.Combine(_root, "realm"), Path.Combine(_root, "real")));
        Assert.True(RealPaths.IsWithin("/etc", "/"));
    }

    [Fact]
    public void A_walk_visits_a_directory_reached_through_a_loop_once()
    {
        var k8s = Directory.CreateDirectory(Path.Combine(_root, "k8s", "a")).FullName;
        File.WriteAllText(Path.Combine(k8s, "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        Directory.CreateSymbolicLink(Path.Combine(k8s, "again"), k8s);
        Directory.CreateSymbolicLink(Path.Combine(k8s, "parent"), "..");

        var collected = InputCollector.Gather([Path.Combine(_root, "k8s")]);

        Assert.Equal([Path.Combine(k8s, "cm.yaml")], collected.Inputs.Select(i => i.Path).ToArray());
        Assert.Equal(2, collected.WalkedDirectories.Count);
        Assert.Empty(collected.Notes);
    }

    [Theory]
    [InlineData("Chart.yaml", true)]
    [InlineData("values-prod.yaml", true)]
    [InlineData("docker-compose.override.yml", true)]
    [InlineData("package-lock.json", true)]
    [InlineData("tsconfig.build.json", true)]
    [InlineData("deployment.schema.json", true)]
    [InlineData("KUSTOMIZATION.YAML", true)]
    [InlineData("deployment.yaml", false)]
    [InlineData("my-values.yaml", false)]
    public void Known_non_manifests_are_matched_by_name(string name, bool skipped) =>
        Assert.Equal(skipped, KnownNonManifests.IsNonManifestFile(name));

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
