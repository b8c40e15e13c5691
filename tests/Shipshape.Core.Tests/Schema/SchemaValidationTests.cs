using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests.Schema;

public sealed class SchemaValidationTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          strategy:
            rollingUpdate:
              maxSurge: 25%
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
                  resources:
                    requests:
                      cpu: 500m
                      memory: 1Gi
                    limits:
                      cpu: 1
        """;

    [Fact]
    public void Seed_ingress_is_removed_in_1_30_and_served_in_1_13()
    {
        var path = Path.Combine(RepositoryPaths.Seed, "simple-ingress.yml");

        var current = Lint.Files([path], new LintOptions { KubernetesVersion = "1.30" });
        var removed = current.Single(RuleIds.ApiRemoved);
        Assert.Equal((1, 13), (removed.Span.Line, removed.Span.Column));
        Assert.Equal(Severity.Error, removed.Severity);
        Assert.Equal("extensions/v1beta1 Ingress was removed in Kubernetes 1.22, so a 1.30 cluster rejects it; use networking.k8s.io/v1", removed.Message);
        Assert.Empty(current.Findings(RuleIds.NoSchema));

        var old = Lint.Files([path], new LintOptions { KubernetesVersion = "1.13" });
        Assert.Empty(old.Findings(RuleIds.ApiRemoved));
        Assert.Empty(old.Findings(RuleIds.SchemaViolation));
        Assert.Empty(old.Findings(RuleIds.UnknownField));
    }

    [Fact]
    public void Int_or_string_and_quantities_give_nothing()
    {
        var report = Lint.Text(Deployment);
        Assert.Empty(report.SchemaFindings());
    }

    [Fact]
    public void A_string_for_an_integer_is_reported_at_the_value_with_its_path()
    {
        var report = Lint.Text(Deployment.Replace("replicas: 3", "replicas: \"three\"", StringComparison.Ordinal));
        var finding = report.Single(RuleIds.SchemaViolation);
        Assert.Equal(new Syntax.SourceSpan(6, 13, 6, 20), finding.Span);
        Assert.StartsWith("spec.replicas must be an integer, but is the string \"three\";", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_path_names_list_indexes()
    {
        var yaml = Deployment + """

                    - name: sidecar
                      image: busybox
                      ports:
                        - containerPort: 8080
                        - containerPort: http
            """;
        var finding = Lint.Text(yaml).Single(RuleIds.SchemaViolation);
        Assert.Equal((31, 30), (finding.Span.Line, finding.Span.Column));
        Assert.StartsWith("spec.template.spec.containers[1].ports[1].containerPort must be an integer, but is the string \"http\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_is_a_warning_at_the_key_and_an_error_under_strict()
    {
        var yaml = Deployment.Replace("replicas: 3", "replicaz: 3", StringComparison.Ordinal);

        var finding = Lint.Text(yaml).Single(RuleIds.UnknownField);
        Assert.Equal((6, 3), (finding.Span.Line, finding.Span.Column));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("spec.replicaz is not a field of apps/v1 Deployment (did you mean 'replicas'?);", finding.Message, StringComparison.Ordinal);

        var strict = new LintOptions { Rules = new RuleSettings(new Dictionary<string, Severity?>(), strict: true) };
        Assert.Equal(Severity.Error, Lint.Text(yaml, options: strict).Single(RuleIds.UnknownField).Severity);

        var configured = new LintOptions { Rules = new RuleSettings(new Dictionary<string, Severity?> { [RuleIds.UnknownField] = Severity.Info }, strict: true) };
        Assert.Equal(Severity.Info, Lint.Text(yaml, options: configured).Single(RuleIds.UnknownField).Severity);
    }

    [Fact]
    public void Yaml_1_1_scalars_are_typed_as_kubernetes_types_them()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: typed
              labels:
                enabled: "yes"
            spec:
              hostNetwork: yes
              containers:
                - name: app
                  image: busybox
                  env:
                    - name: DEBUG
                      value: on
                    - name: PORT
                      value: "8080"
            """;
        var finding = Lint.Text(yaml).Single(RuleIds.SchemaViolation);
        Assert.Equal((14, 18), (finding.Span.Line, finding.Span.Column));
        Assert.StartsWith("spec.containers[0].env[0].value must be a string, but is the boolean on (write \"on\" in quotes);", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_field_of_the_root_is_reported_at_the_object()
    {
        var yaml = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: readers
            subjects: []
            """;
        var finding = Lint.Text(yaml).Single(RuleIds.SchemaViolation);
        Assert.Equal((1, 1), (finding.Span.Line, finding.Span.Column));
        Assert.StartsWith("roleRef is required, but missing;", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crd_in_another_file_validates_its_custom_resources()
    {
        var definition = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "SHIP1001", "fail.custom-resource-from-crd.yaml")).Split("---")[0];
        var resource = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: nulls
            spec:
              size: 0
              colour: null
            """;
        var report = new LintEngine(new LintOptions { Threads = 2 }).Run([InputSource.FromText("crd.yaml", definition), InputSource.FromText("widget.yaml", resource)]);
        Assert.Equal(["SHIP1001@6:9", "SHIP1001@7:11"], report.Findings(RuleIds.SchemaViolation));
        Assert.Contains("spec.size must be at least 1, but is 0", report.Active.First(d => d.Span.Line == 6).Message, StringComparison.Ordinal);
        Assert.Contains("spec.colour must be a string, but is null", report.Active.First(d => d.Span.Line == 7).Message, StringComparison.Ordinal);
        Assert.Empty(report.Findings(RuleIds.NoSchema));
    }

    [Fact]
    public void Removed_api_suggests_the_newest_replacement_the_target_serves()
    {
        var yaml = """
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
            kind: FlowSchema
            metadata:
              name: old
            """;
        Assert.EndsWith("use flowcontrol.apiserver.k8s.io/v1", Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.30" }).Single(RuleIds.ApiRemoved).Message, StringComparison.Ordinal);
        Assert.EndsWith("use flowcontrol.apiserver.k8s.io/v1beta3", Lint.Text(yaml, options: new LintOptions { KubernetesVersion = "1.27" }).Single(RuleIds.ApiRemoved).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.30", "1.30", new string[0])]
    [InlineData("v1.33.1", "1.33", new string[0])]
    [InlineData("1.16", "1.16", new string[0])]
    [InlineData("1.22.17", "1.22", new string[0])]
    [InlineData("v1.37.2", "1.37", new[] { "Kubernetes 1.37 has no embedded schemas; objects are validated against 1.36, the newest embedded schemas (API removals and deprecations are still judged for 1.37)." })]
    [InlineData("1.10", "1.10", new[] { "Kubernetes 1.10 has no embedded schemas; objects are validated against 1.13, the oldest embedded schemas (API removals and deprecations are still judged for 1.10)." })]
    public void A_version_without_embedded_schemas_uses_the_nearest_and_says_so_once(string requested, string reported, string[] notes)
    {
        var report = Lint.Text(Deployment + "\n---\n" + Deployment.Replace("name: web", "name: api", StringComparison.Ordinal), options: new LintOptions { KubernetesVersion = requested });
        Assert.Equal(reported, report.KubernetesVersion);
        Assert.Equal(notes, report.Notes);
        Assert.Empty(report.SchemaFindings());
    }

    [Fact]
    public void Default_version_is_the_newest_embedded()
    {
        Assert.Equal("1.36", KubernetesVersions.Default);
        Assert.Equal("1.36", Lint.Text(Deployment).KubernetesVersion);
    }
}
