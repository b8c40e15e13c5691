using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Tests.Schema;

/// <summary>Schemas from outside the engine: kubeconform-style directories and a cluster's own OpenAPI document.</summary>
public sealed class SchemaSourcesTests
{
    private const string Widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: one
        spec:
          size: big
          port: http
          colour: red
        """;

    private static string KubeconformDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Shipshape.Core.Tests", "Schema", "Data", "kubeconform");

    [Fact]
    public void Kubeconform_directory_layout_validates_custom_resources_at_their_nodes()
    {
        var report = Lint.Text(Widget, options: new LintOptions { KubernetesVersion = "1.30", SchemaLocations = [KubeconformDirectory] });
        Assert.Equal(["SHIP1001@6:9"], report.Findings(RuleIds.SchemaViolation));
        Assert.Equal("spec.size must be an integer, but is the string \"big\" (JSON schema widget-example-v1.json); the API server rejects this object, so fix the value", report.Single(RuleIds.SchemaViolation).Message);
        Assert.Empty(report.Findings(RuleIds.UnknownField));
        Assert.Empty(report.Findings(RuleIds.NoSchema));
    }

    [Fact]
    public void Strict_uses_the_strict_directory_and_reports_unknown_fields_at_the_key()
    {
        var strict = new LintOptions { KubernetesVersion = "1.30", SchemaLocations = [KubeconformDirectory], Rules = new RuleSettings(new Dictionary<string, Severity?>(), strict: true) };
        var report = Lint.Text(Widget, options: strict);
        Assert.Equal(["SHIP1002@8:3"], report.Findings(RuleIds.UnknownField));
        Assert.Equal(Severity.Error, report.Single(RuleIds.UnknownField).Severity);
        Assert.Equal("spec.colour is not a field of example.com/v1 Widget (JSON schema widget-example-v1.json); the API server drops unknown fields without a word, so fix the name or remove it", report.Single(RuleIds.UnknownField).Message);
        Assert.Equal(["SHIP1001@6:9"], report.Findings(RuleIds.SchemaViolation));
    }

    [Fact]
    public void Template_with_kubeconform_variables_and_missing_required_field()
    {
        var template = Path.Combine(KubeconformDirectory, "{{ .NormalizedKubernetesVersion }}-standalone{{.StrictSuffix}}", "{{ .ResourceKind }}-{{ .Group }}-{{ .ResourceAPIVersion }}.json").Replace("example.com", "example", StringComparison.Ordinal);
        var yaml = """
            apiVersion: example/v1
            kind: Widget
            metadata:
              name: one
            spec:
              port: 8080
            """;
        var report = Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.30", SchemaLocations = [template] });
        Assert.Equal(["SHIP1001@5:1"], report.Findings(RuleIds.SchemaViolation));
    }

    [Fact]
    public void Remote_locations_and_unknown_variables_are_refused()
    {
        Assert.Throws<InputException>(() => new LintEngine(new LintOptions { SchemaLocations = ["https://example.com/schemas"] }));
        Assert.Throws<InputException>(() => new LintEngine(new LintOptions { SchemaLocations = ["dir/{{ .Kind }}.json"] }));
    }

    [Fact]
    public void Schema_file_replaces_the_embedded_schemas()
    {
        // A 1.20 OpenAPI document as a cluster would serve it: extensions/v1beta1 Ingress exists there.
        var ingress = File.ReadAllText(Path.Combine(RepositoryPaths.Seed, "simple-ingress.yml")).Replace("servicePort: 80", "servicePort: 80\n              servicPort: 81", StringComparison.Ordinal);
        var schemaFile = Path.Combine(Path.GetTempPath(), $"shipshape-schema-file-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(schemaFile, EmbeddedSchemas.Normalized(new KubernetesVersion(1, 20)));
        var options = new LintOptions { KubernetesVersion = "1.20", SchemaFile = schemaFile };
        var report = Lint.Text(ingress, options: options);
        Assert.Equal(["SHIP1002@14:15"], report.Findings(RuleIds.UnknownField));
        Assert.Empty(report.Findings(RuleIds.NoSchema));

        Assert.Throws<InputException>(() => new LintEngine(new LintOptions { SchemaFile = Path.Combine(RepositoryPaths.Root, "README.md") }));
    }
}
