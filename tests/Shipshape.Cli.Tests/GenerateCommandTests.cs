using Shipshape.Cli;

namespace Shipshape.Cli.Tests;

public sealed class GenerateCommandTests
{
    [Fact]
    public void Generate_csharp_writes_builder_code_for_the_manifest()
    {
        var manifest = WriteTemp("""
            apiVersion: v1
            kind: Service
            metadata:
              name: gihyo
            spec:
              type: ExternalName
              externalName: gihyo.jp
            """);
        var (exit, stdout, stderr) = Run("generate", "csharp", manifest);
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Contains("""
                    app.Add(new Service()
                        .Name("gihyo")
                        .ExternalName("gihyo.jp"));
            """, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_without_a_builder_method_is_set_by_its_path()
    {
        var manifest = WriteTemp("""
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              clusterIP: None
            """);
        var (exit, stdout, stderr) = Run("generate", "csharp", manifest);
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Contains("""
                    app.Add(new Service()
                        .Name("web")
                        .Set("spec.clusterIP", "None"));
            """, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_exit_code_2_with_its_position()
    {
        var manifest = WriteTemp("""
            - a list
            - not an object
            """);
        var (exit, stdout, stderr) = Run("generate", "csharp", manifest);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Equal($"shipshape: {manifest}:1:1: the document is not a Kubernetes object (a mapping with apiVersion and kind as strings); remove it or give it both\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void With_only_a_crd_it_writes_the_classes_of_its_kinds()
    {
        var crd = WriteTemp(CronTabDefinition("""
                          type: object
                          properties:
                            cronSpec:
                              type: string
            """));
        var (exit, stdout, stderr) = Run("generate", "csharp", "--crd", crd);
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Contains("""
            namespace CustomResources.StableExampleCom.V1
            {
                /// <summary>A stable.example.com/v1 CronTab.</summary>
                public sealed class CronTab() : global::Shipshape.Builder.Kinds.TypedResource<CronTab>("stable.example.com/v1", "CronTab")
                {
                    public CronTab Spec(CronTabSpec value) => WithField("spec", value);
                }

                public sealed class CronTabSpec : global::Shipshape.Builder.Kinds.TypedObject<CronTabSpec>
                {
                    public CronTabSpec CronSpec(string value) => WithField("cronSpec", value);
                }
            }
            """, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_manifests_nor_a_crd_is_exit_code_2_with_one_line()
    {
        var (exit, stdout, stderr) = Run("generate", "csharp");
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Equal("shipshape: generate csharp needs manifests to turn into code, or --crd FILE for the classes of custom resources (or both).\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_missing_crd_file_is_exit_code_2_with_one_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"shipshape-missing-{Guid.NewGuid():N}.yaml");
        var (exit, stdout, stderr) = Run("generate", "csharp", "--crd", missing);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"shipshape: {missing}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crd_file_without_a_definition_is_exit_code_2_with_one_line()
    {
        var deployment = WriteTemp("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: not-a-crd
            """);
        var (exit, stdout, stderr) = Run("generate", "csharp", "--crd", deployment);
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Equal($"shipshape: {deployment}: --crd takes CustomResourceDefinitions (apiextensions.k8s.io/v1 with spec.group, spec.names.kind and spec.versions), but this file holds none\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_self_referencing_crd_schema_is_exit_code_2_with_its_position()
    {
        var crd = WriteTemp(CronTabDefinition("""
                          type: object
                          properties:
                            child: &node
                              type: object
                              properties:
                                child: *node
            """));
        AssertRefusedWithOneLine(crd, $"shipshape: {crd}:25:28: error SHIP0001 YAML syntax error: the alias *node names no anchor defined before it; fix the YAML here (documents after the next '---' are still checked)\n");
    }

    [Fact]
    public void A_crd_schema_nested_deeper_than_classes_follow_is_exit_code_2_with_its_position()
    {
        var crd = WriteTemp(CronTabDefinition(DeepSchema(100)));
        AssertRefusedWithOneLine(crd, $"shipshape: {crd}:1:1: the CustomResourceDefinition of stable.example.com/v1 CronTab: the schema nests objects more than 64 levels deep, more than builder classes follow; build its objects with RawResource.FromYaml instead\n");
    }

    [Fact]
    public void A_crd_schema_1000_levels_deep_is_exit_code_2_at_the_loaders_depth_limit()
    {
        var crd = WriteTemp(CronTabDefinition(DeepSchema(1000)));
        AssertRefusedWithOneLine(crd, $"shipshape: {crd}:272:42: error SHIP0004 This input is not checked: nesting deeper than 512 levels\n");
    }

    /// <summary>
    /// Runs `generate csharp --crd` on hostile input as a real process within an outer bound, so that a loop or a stack
    /// overflow fails the test rather than the test run, and expects exit code 2 with <paramref name="stderr"/> alone.
    /// </summary>
    private static void AssertRefusedWithOneLine(string crd, string stderr)
    {
        var result = ShipshapeProcess.Run(TimeSpan.FromSeconds(30), Path.GetTempPath(), ["generate", "csharp", "--crd", crd]);
        Assert.Equal((2, "", stderr), (result.ExitCode, result.Stdout, result.Stderr));
    }

    /// <summary>An object schema nesting <paramref name="depth"/> objects, in flow style, one level a line.</summary>
    private static string DeepSchema(int depth) =>
        string.Concat(Enumerable.Repeat("              {type: object, properties: {child:\n", depth)) + "              {type: string}" + new string('}', depth * 2) + "\n";

    /// <summary>A CronTab CRD whose spec has <paramref name="specSchema"/> (indented to sit under <c>spec:</c>).</summary>
    private static string CronTabDefinition(string specSchema) => $"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: crontabs.stable.example.com
        spec:
          group: stable.example.com
          scope: Namespaced
          names:
            plural: crontabs
            kind: CronTab
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
        {specSchema}
        """;

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ShipshapeCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string WriteTemp(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"shipshape-generate-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
