using System.Reflection;

namespace Shipshape.MSBuild.Tests;

/// <summary>
/// The packed task and the projects that use it, made once for all tests: Shipshape.MSBuild (as built for this
/// test run) is packed into a temporary folder feed under a version of its own, and two sample projects (one
/// single-target, one multi-targeting) reference it from there and are restored into a package folder of their own,
/// so no other version of the package, cached or published, can be picked up, and nothing is downloaded.
/// </summary>
public sealed class SampleProjects : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shipshape-msbuild-tests-" + Guid.NewGuid().ToString("N"));

    public string SingleTarget => Path.Combine(_root, "single");

    public string MultiTarget => Path.Combine(_root, "multi");

    private string Feed => Path.Combine(_root, "feed");

    private string Packages => Path.Combine(_root, "packages");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var pack = await RunDotnetAsync(_root, "pack", Metadata("ShipshapeMSBuildProject"), "--no-build", "-c", Metadata("Configuration"),
            "-o", Feed, "-p:PackageVersion=" + version);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);

        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="shipshape-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        await CreateProjectAsync(SingleTarget, "<TargetFramework>net10.0</TargetFramework>", version);
        await CreateProjectAsync(MultiTarget, "<TargetFrameworks>net10.0</TargetFrameworks>", version);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Replaces the project's manifests and .shipshape.yaml with <paramref name="files"/> (path relative to the project, YAML).</summary>
    public static void WriteManifests(string project, params (string Path, string Yaml)[] files)
    {
        foreach (var directory in new[] { "deploy", "k8s", "manifests" })
        {
            var path = Path.Combine(project, directory);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        foreach (var stray in Directory.EnumerateFiles(project, "*.k8s.yaml").Append(Path.Combine(project, ".shipshape.yaml")))
        {
            File.Delete(stray);
        }

        foreach (var (path, yaml) in files)
        {
            var fullPath = Path.Combine(project, path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllText(fullPath, yaml.ReplaceLineEndings("\n"));
        }
    }

    /// <summary>
    /// <c>dotnet build</c> of the project, without build servers or node reuse so that no process outlives the test,
    /// and with the classic console logger so the output is plain text.
    /// </summary>
    public Task<CommandResult> BuildAsync(string project, params string[] arguments) =>
        RunDotnetAsync(project, ["build", "--no-restore", "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo", .. arguments]);

    private async Task CreateProjectAsync(string directory, string targetFrameworks, string version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Path.GetFileName(directory) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {targetFrameworks}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Shipshape.MSBuild" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var restore = await RunDotnetAsync(directory, "restore", "--disable-build-servers", "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, "dotnet restore failed:\n" + restore.Output);
    }

    private Task<CommandResult> RunDotnetAsync(string workingDirectory, params string[] arguments) =>
        DotnetCommand.RunAsync(workingDirectory, Packages, arguments);

    private static string Metadata(string key) =>
        typeof(SampleProjects).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no value for {key}.");
}
