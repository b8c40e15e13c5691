namespace Shipshape.Cli.Tests;

/// <summary>Schema validation through the command line: --strict, version fallback notes, schema sources, `shipshape schemas`.</summary>
public sealed class SchemaCommandTests
{
    private const string TypoDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicaz: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """;

    [Fact]
    public void Unknown_field_is_a_warning_and_strict_makes_it_an_error()
    {
        using var files = new TempFiles();
        var path = files.Write("deployment.yaml", TypoDeployment);

        var normal = CliRunner.Run("lint", "--format", "json", path);
        Assert.Equal(0, normal.ExitCode);
        Assert.Equal(["SHIP1002@6:3"], normal.JsonFindings().Where(f => f.StartsWith("SHIP1", StringComparison.Ordinal)));
        Assert.Equal("warning", normal.Json.GetProperty("diagnostics")[0].GetProperty("severity").GetString());

        var strict = CliRunner.Run("lint", "--strict", "--format", "json", path);
        Assert.Equal(1, strict.ExitCode);
        Assert.Equal("SHIP1002", strict.Json.GetProperty("diagnostics")[0].GetProperty("id").GetString());
        Assert.Equal("error", strict.Json.GetProperty("diagnostics")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void A_newer_version_than_embedded_is_noted_once_in_the_text_report()
    {
        using var files = new TempFiles();
        var path = files.Write("deployment.yaml", TypoDeployment.Replace("replicaz", "replicas", StringComparison.Ordinal) + "\n---\n" + TypoDeployment.Replace("replicaz", "replicas", StringComparison.Ordinal).Replace("name: web\nspec", "name: api\nspec", StringComparison.Ordinal));

        var result = CliRunner.Run("lint", "--kubernetes-version", "1.37", path);

        Assert.Equal(0, result.ExitCode);
        var notes = result.Stdout.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["note: Kubernetes 1.37 has no embedded schemas; objects are validated against 1.36, the newest embedded schemas (API removals and deprecations are still judged for 1.37)."], notes);

        var embedded = CliRunner.Run("lint", "--kubernetes-version", "1.34", path);
        Assert.Equal(0, embedded.ExitCode);
        Assert.DoesNotContain("note: ", embedded.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_ingress_is_removed_at_1_30_and_not_at_1_13()
    {
        var current = CliRunner.Run("lint", "--kubernetes-version", "1.30", "--format", "json", Seed.Path("simple-ingress.yml"));
        Assert.Contains("SHIP1004@1:13", current.JsonFindings());
        Assert.Equal("1.30", current.Json.GetProperty("kubernetesVersion").GetString());

        var old = CliRunner.Run("lint", "--kubernetes-version", "1.13", "--format", "json", Seed.Path("simple-ingress.yml"));
        Assert.DoesNotContain(old.JsonFindings(), f => f.StartsWith("SHIP100", StringComparison.Ordinal));
    }

    [Fact]
    public void Unusable_schema_sources_exit_2_with_one_line()
    {
        using var files = new TempFiles();
        var path = files.Write("deployment.yaml", TypoDeployment);
        var notSwagger = files.Write("openapi.json", "{\"swagger\": \"2.0\"}");

        var remote = CliRunner.Run("lint", "--schema-location", "https://example.com/schemas", path);
        Assert.Equal(2, remote.ExitCode);
        Assert.StartsWith("shipshape: --schema-location https://example.com/schemas: remote schema locations are not supported", remote.Stderr, StringComparison.Ordinal);

        var file = CliRunner.Run("lint", "--schema-file", notSwagger, path);
        Assert.Equal(2, file.ExitCode);
        Assert.Single(file.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("has no \"definitions\" object", file.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemas_lists_every_embedded_version_with_its_source()
    {
        var result = CliRunner.Run("schemas");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Embedded Kubernetes API schemas (default 1.36)", lines[0], StringComparison.Ordinal);
        Assert.Equal(["1.13", "1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"], lines.Skip(1).Take(24).Select(l => l.Split(' ')[0]));
        Assert.StartsWith("1.18  godaddy/kubernetes-client refs/pull/725/head (e5a00dd) lib/specs/swagger-1.18.json.gz (gzip)  sha256 01e3c3b64224face7c15d8e3ac150fe539622f701dfb4a02a68787ca1bf577d1  Apache-2.0", lines[6], StringComparison.Ordinal);
        Assert.StartsWith("1.22  godaddy/kubernetes-client refs/pull/725/head (e5a00dd) lib/specs/swagger-1.22.json.gz (gzip)  sha256 ", lines[10], StringComparison.Ordinal);
        Assert.StartsWith("1.23  kubernetes-sigs/kubectl-validate main (a97ccfa) pkg/openapiclient/builtins/1.23 (OpenAPI v3)  sha256 ", lines[11], StringComparison.Ordinal);
        Assert.StartsWith("1.36  kubernetes-client/python release-36.0 (67e7d9a) kubernetes/swagger.json.unprocessed  sha256 d4e90407aa8ec066628f217b6aa070a7403aab6f6335bfc32c8d39f0d3827f32  Apache-2.0", lines[24], StringComparison.Ordinal);
    }
}
