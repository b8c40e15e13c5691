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
