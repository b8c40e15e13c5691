using Shipshape.Builder.Generation;
using Shipshape.Core.Loading;

namespace Shipshape.Builder.Tests;

/// <summary>
/// `generate csharp` → compile → run → synth gives back the input objects (compared as <see cref="ManifestData"/>):
/// for every seed manifest and this project's fixtures.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Manifests()
    {
        var seed = TestPaths.Seed;
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        return [.. Directory.EnumerateFiles(seed, "*.yml").Concat(Directory.EnumerateFiles(fixtures, "*.yaml")).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Generated_code_synthesizes_the_same_objects(string manifest)
    {
        var yaml = File.ReadAllText(manifest);
        var code = CSharpGenerator.Generate([new SourceFile(manifest, yaml)]);

        var app = GeneratedProgram.CompileAndBuild(code);

        Assert.Equal(ManifestData.Canonical(yaml), ManifestData.Canonical(app.ToYaml()));
    }

    [Fact]
    public void The_seed_deployment_becomes_readable_builder_code()
    {
        var seed = Path.Combine(TestPaths.Seed, "simple-deployment.yml");
        var code = CSharpGenerator.Generate([new SourceFile("simple-deployment.yml", File.ReadAllText(seed))]);
        Assert.Contains("""
                    app.Add(new Deployment()
                        .Name("echo")
                        .Label("app", "echo")
                        .Replicas(3)
                        .TemplateLabel("app", "echo")
                        .Container(new Container()
                            .Name("nginx")
                            .Image("gihyodocker/nginx-proxy:latest")
                            .Env("BACKEND_HOST", "localhost:8080")
                            .Port(80))
                        .Container(new Container()
                            .Name("echo")
                            .Image("gihyodocker/echo:latest")
                            .Port(8080)));
            """, code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_without_a_builder_method_is_set_by_its_path_on_the_nearest_builder()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              minReadySeconds: 5
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: web:1.0
                      lifecycle:
                        preStop: {exec: {command: [sleep, "5"]}}
            """;
        var code = CSharpGenerator.Generate([new SourceFile("web.yaml", yaml)]);
        Assert.Contains(""""
                    app.Add(new Deployment()
                        .Name("web")
                        .TemplateLabel("app", "web")
                        .Container(new Container()
                            .Name("web")
                            .Image("web:1.0")
                            .Set("lifecycle", FieldValue.FromYaml("""
                                preStop:
                                  exec:
                                    command:
                                      - sleep
                                      - "5"
                                """)))
                        .Set("spec.minReadySeconds", 5));
            """", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_without_a_hand_written_class_is_built_with_its_generated_class()
    {
        const string yaml = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 1, unhealthyPodEvictionPolicy: AlwaysAllow, selector: {matchLabels: {app: web}}}
            status: {currentHealthy: 2}
            """;
        var code = CSharpGenerator.Generate([new SourceFile("pdb.yaml", yaml)]);
        Assert.Contains("""
                    app.Add(new Shipshape.Builder.Kinds.Policy.V1.PodDisruptionBudget()
                        .Name("web")
                        .Spec(new Shipshape.Builder.Kinds.Policy.V1.PodDisruptionBudgetSpec()
                            .MinAvailable(1)
                            .UnhealthyPodEvictionPolicy("AlwaysAllow")
                            .Selector(new Shipshape.Builder.Kinds.Meta.V1.LabelSelector()
                                .MatchLabels("app", "web"))));
            """, code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_the_newest_spec_does_not_serve_becomes_a_raw_resource()
    {
        const string yaml = """
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {minAvailable: 1}
            status: {currentHealthy: 2}
            """;
        var code = CSharpGenerator.Generate([new SourceFile("pdb.yaml", yaml)]);
        Assert.Contains(""""
                    app.Add(RawResource.FromYaml("""
                        apiVersion: policy/v1beta1
                        kind: PodDisruptionBudget
                        metadata:
                          name: web
                        spec:
                          minAvailable: 1
                        """));
            """", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_reported_with_its_position()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web
            ---
            - just
            - a list
            """;
        var exception = Assert.Throws<GeneratorException>(() => CSharpGenerator.Generate([new SourceFile("web.yaml", yaml)]));
        Assert.Equal("web.yaml:6:1: the document is not a Kubernetes object (a mapping with apiVersion and kind as strings); remove it or give it both", exception.Message);
    }
}
