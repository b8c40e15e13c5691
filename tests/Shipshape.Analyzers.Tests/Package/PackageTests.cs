using System.Reflection;
using Shipshape.MSBuild.Tests;

namespace Shipshape.Analyzers.Tests.Package;

/// <summary>
/// The analyzer package as users get it: Shipshape.Analyzers (as built for this test run) is packed into a temporary
/// folder feed, and a project that references it from there, with its manifests as AdditionalFiles, is built with the
/// real compiler. This is the one test that loads the netstandard2.0 engine and its dependencies from the package.
/// </summary>
public sealed class PackageTests : IDisposable
{
    // The second container's port 80 (line 15, column 26) collides with the first one's.
    private const string PodWithPortCollision = """
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
                - name: http
                  containerPort: 80
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "shipshape-analyzer-package-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_build_with_the_package_reports_manifest_findings_at_their_file_line_and_column()
    {
        var feed = Path.Combine(_root, "feed");
        var project = Path.Combine(_root, "app");
        var packages = Path.Combine(_root, "packages");
        Directory.CreateDirectory(project);
        var version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var pack = await DotnetCommand.RunAsync(_root, packages, "pack", Metadata("ShipshapeAnalyzersProject"), "--no-build", "-c", Metadata("Configuration"),
            "-o", feed, "-p:PackageVersion=" + version);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);

        File.WriteAllText(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="shipshape-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Shipshape.Analyzers" Version="{version}" PrivateAssets="all" />
                <AdditionalFiles Include="k8s/**/*.yaml" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Manifests.cs"), "internal static class Manifests { }\n");
        Directory.CreateDirectory(Path.Combine(project, "k8s"));
        File.WriteAllText(Path.Combine(project, "k8s", "pod.yaml"), PodWithPortCollision.ReplaceLineEndings("\n"));

        var build = await DotnetCommand.RunAsync(project, packages, "build", "--disable-build-servers", "-nodeReuse:false", "-tl:off", "-nologo");

        Assert.True(build.ExitCode == 1, "the port collision is an error, so the build must fail:\n" + build.Output);
        var pod = Path.Combine(project, "k8s", "pod.yaml");
        Assert.Contains($"{pod}(15,26): error SHIP2005: Port 80/TCP of container 'sidecar' is already declared by container 'app' on line 10", build.Output, StringComparison.Ordinal);
        // The findings stand alone: the analyzer loaded (no AD0001, no CS8032) and the C# code itself is fine.
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": error CS", build.Output, StringComparison.Ordinal);
    }

    private static string Metadata(string key) =>
        typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no value for {key}.");
}
