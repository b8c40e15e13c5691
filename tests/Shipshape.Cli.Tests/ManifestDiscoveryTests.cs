namespace Shipshape.Cli.Tests;

/// <summary>
/// What a directory walk lints: Kubernetes manifests, not every YAML and JSON file of a repository. Files named on
/// the command line are always linted.
/// </summary>
public sealed class ManifestDiscoveryTests : IDisposable
{
    private const string BrokenDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
                - name: web
                  image: nginx:1.27

        """;

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_repository_of_tooling_files_and_one_broken_deployment_reports_only_the_deployment()
    {
        WriteRepository();

        var json = CliRunner.Run("lint", _temp.Root, "--format", "json", "--config", FocusedConfiguration.Path);
        var text = CliRunner.Run("lint", _temp.Root, "--config", FocusedConfiguration.Path);

        Assert.Equal(1, json.ExitCode);
        var files = json.Json.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString()).Distinct().ToArray();
        Assert.Equal([Path.Combine(_temp.Root, "deploy", "web.yaml")], files);
        Assert.Equal(["SHIP2001@7:24"], json.JsonFindings("SHIP2"));
        var summary = json.Json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("files").GetInt32());

        // By name: package.json, values.yaml, docker-compose.yml, kustomization.yaml; by content: settings.json.
        Assert.Equal(5, summary.GetProperty("skippedFiles").GetInt32());
        Assert.Equal(
            [$"skipped 1 Helm chart ({Path.Combine(_temp.Root, "chart")}): a chart's templates are not manifests until rendered; lint its output instead, as in: helm template {Path.Combine(_temp.Root, "chart")} | shipshape lint -"],
            json.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToArray());
        Assert.Equal(1, text.ExitCode);
        // Documents count every document read, the one of settings.json too.
        Assert.EndsWith("in 1 file (1 object in 2 documents); skipped 5 files that are not Kubernetes manifests\n", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_only_one_of_apiVersion_and_kind_is_still_not_an_object()
    {
        _temp.Write("k8s/half.yaml", "kind: Deployment\nmetadata:\n  name: web\n");

        var result = CliRunner.Run("lint", Path.Combine(_temp.Root, "k8s"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP0003@1:1"], result.JsonFindings());
    }

    [Fact]
    public void A_non_manifest_named_explicitly_is_linted()
    {
        var values = _temp.Write("values.yaml", "replicaCount: 2\n");

        var result = CliRunner.Run("lint", values, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP0003@1:1"], result.JsonFindings());
    }

    [Fact]
    public void An_empty_directory_and_a_directory_of_non_manifests_are_exit_2()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Root, "empty")).FullName;
        _temp.Write("tools/package.json", "{\"name\": \"x\"}\n");
        _temp.Write("tools/settings.yaml", "editor: vim\n");
        var tools = Path.Combine(_temp.Root, "tools");

        var none = CliRunner.Run("lint", empty);
        var skipped = CliRunner.Run("lint", tools);

        Assert.Equal(2, none.ExitCode);
        Assert.Equal($"shipshape: no Kubernetes manifests found in {empty}\n", none.Stderr);
        Assert.Equal(2, skipped.ExitCode);
        Assert.Equal($"shipshape: no Kubernetes manifests found in {tools} (skipped 2 files that are not manifests)\n", skipped.Stderr);
    }

    private void WriteRepository()
    {
        _temp.Write("package.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");
        _temp.Write("chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
        _temp.Write("chart/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n");
        _temp.Write("values.yaml", "replicaCount: 2\nimage:\n  repository: nginx\n");
        _temp.Write("docker-compose.yml", "services:\n  web:\n    image: nginx\n");
        _temp.Write(".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
        _temp.Write("kustomization.yaml", "resources:\n  - deploy/web.yaml\n");
        _temp.Write("config/settings.json", "{\"editor\": {\"tabSize\": 2}}\n");
        _temp.Write("deploy/web.yaml", BrokenDeployment);
    }
}
