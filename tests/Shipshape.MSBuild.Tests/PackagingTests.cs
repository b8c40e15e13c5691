using System.Reflection;
using System.Text.RegularExpressions;

namespace Shipshape.MSBuild.Tests;

/// <summary>
/// The README's one packing command as a user runs it: the committed repository is cloned (as CI sees it), every package
/// is packed with <c>dotnet pack Linter.sln -c Release</c>, the .NET tool is installed from <c>artifacts/</c> and lints, and a
/// throwaway project uses the packed MSBuild task, builder and analyzers from that folder. Only the clone's artifacts
/// feed the Shipshape packages; their third-party dependencies come from the packages this test run already restored,
/// so nothing is downloaded.
/// </summary>
public sealed partial class PackagingTests : IDisposable
{
    private static readonly string[] PackageIds = ["shipshape", "Shipshape.Core", "Shipshape.Builder", "Shipshape.Builder.KubernetesClient", "Shipshape.Analyzers", "Shipshape.MSBuild"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "shipshape-packaging-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task One_command_packs_all_six_packages_with_one_version_that_install_build_and_lint()
    {
        Directory.CreateDirectory(_root);
        var repository = Path.Combine(_root, "repository");
        var restored = RestoredPackagesFolder();
        var clone = await ProcessRunner.RunAsync(_root, "git", "clone", "--quiet", Metadata("RepositoryRoot"), repository);
        Assert.True(clone.ExitCode == 0, "git clone failed:\n" + clone.Output);

        var pack = await DotnetCommand.RunAsync(repository, restored, "pack", "Linter.sln", "-c", "Release", "-nodeReuse:false", "--disable-build-servers", "-tl:off");
        Assert.True(pack.ExitCode == 0, "dotnet pack Linter.sln failed:\n" + pack.Output);

        var artifacts = Path.Combine(repository, "artifacts");
        var packages = Directory.GetFiles(artifacts, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var versions = PackageIds.Select(id => packages.Select(name => PackageFileName().Match(name!))
            .Single(match => match.Success && match.Groups["id"].Value == id).Groups["version"].Value).Distinct().ToArray();
        Assert.Equal(PackageIds.Length, packages.Length);
        var version = Assert.Single(versions);

        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="artifacts" value="{artifacts}" />
                <add key="restored-by-this-test-run" value="{restored}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="artifacts">
                  <package pattern="shipshape" />
                  <package pattern="Shipshape.*" />
                </packageSource>
                <packageSource key="restored-by-this-test-run">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        var userPackages = Path.Combine(_root, "packages");
        var tools = Path.Combine(_root, "tools");
        var install = await DotnetCommand.RunAsync(_root, userPackages, "tool", "install", "shipshape", "--tool-path", tools, "--version", version,
            "--configfile", Path.Combine(_root, "nuget.config"));
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Output);

        var shipshape = Path.Combine(tools, OperatingSystem.IsWindows() ? "shipshape.exe" : "shipshape");
        var printedVersion = await ProcessRunner.RunAsync(_root, shipshape, "--version");
        // The informational version: the package version and, after "+", the commit it was built from.
        Assert.StartsWith(version + "+", printedVersion.Output.Trim(), StringComparison.Ordinal);
        var lint = await ProcessRunner.RunAsync(repository, shipshape, "lint", "examples/broken/pod-port-collision.yaml");
        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("examples/broken/pod-port-collision.yaml:17:26: error SHIP2005", lint.Output, StringComparison.Ordinal);

        var project = Path.Combine(_root, "app");
        Directory.CreateDirectory(Path.Combine(project, "deploy"));
        File.WriteAllText(Path.Combine(project, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Shipshape.Builder" Version="{version}" />
                <PackageReference Include="Shipshape.Analyzers" Version="{version}" PrivateAssets="all" />
                <PackageReference Include="Shipshape.MSBuild" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Shipshape.Builder;

            var app = new App();
            app.Add(new ConfigMap().Name("settings").Data("LOG_LEVEL", "info"));
            var unused = new ConfigMap().Name("never-added");
            Console.Write(app.ToYaml());
            """.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(project, "deploy", "settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n");

        var build = await DotnetCommand.RunAsync(project, userPackages, "build", "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo",
            "--configfile", Path.Combine(_root, "nuget.config"));
        Assert.True(build.ExitCode == 0, "the clean project must build:\n" + build.Output);
        Assert.Contains("Program.cs(5,5): warning SHIP5001", build.Output, StringComparison.Ordinal);
        var run = await DotnetCommand.RunAsync(project, userPackages, "run", "--no-build");
        Assert.True(run.ExitCode == 0, "the built app must run:\n" + run.Output);
        Assert.Contains("name: settings", run.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(project, "deploy", "pod.yaml"), """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  ports:
                    - containerPort: 80
                - name: sidecar
                  image: envoyproxy/envoy:v1.30.0
                  ports:
                    - containerPort: 80
            """.ReplaceLineEndings("\n"));
        var broken = await DotnetCommand.RunAsync(project, userPackages, "build", "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo",
            "--configfile", Path.Combine(_root, "nuget.config"));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"{Path.Combine(project, "deploy", "pod.yaml")}(14,26): error SHIP2005", broken.Output, StringComparison.Ordinal);
    }

    /// <summary>Where this test run's packages were restored (NUGET_PACKAGES, else the user's default folder).</summary>
    private static string RestoredPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Metadata(string key) =>
        typeof(PackagingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [GeneratedRegex(@"^(?<id>shipshape|Shipshape(\.[A-Za-z]+)+?)\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageFileName();
}
