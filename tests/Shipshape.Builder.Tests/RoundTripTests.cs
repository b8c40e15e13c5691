using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shipshape.Builder.Generation;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Tests;

/// <summary>
/// `generate csharp` → compile → run → synth gives back the input objects: for every seed manifest (Ingresses as
/// networking.k8s.io/v1) and this project's fixtures. Trees are compared with mapping keys sorted, lists in
/// order, scalars by what they resolve to (0644 and 420 are the same integer; "80" and 80 are not equal).
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

        var app = CompileAndBuild(code);

        Assert.Equal(Canonical(yaml, convertIngressToV1: true), Canonical(app.ToYaml(), convertIngressToV1: false));
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
    public void A_field_without_a_builder_method_is_reported_with_its_position()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              minReadySeconds: 5
            """;
        var exception = Assert.Throws<GeneratorException>(() => CSharpGenerator.Generate([new SourceFile("web.yaml", yaml)]));
        Assert.Equal("web.yaml:6:3: field 'spec.minReadySeconds' has no builder method; write this object in YAML, or extend the generated code by hand", exception.Message);
    }

    private static App CompileAndBuild(string code)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(framework, "*.dll")
            .Concat([typeof(App).Assembly.Location, typeof(Core.Engine.LintEngine).Assembly.Location])
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Generated",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + code);

        var context = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            image.Position = 0;
            var build = context.LoadFromStream(image).GetType("Manifests")!.GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!;
            return (App)build.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Every document as one line of sorted, typed text: equal objects give equal strings, and a difference shows where.</summary>
    private static string Canonical(string yaml, bool convertIngressToV1)
    {
        var loaded = new YamlLoader().Load(new SourceFile("test.yaml", yaml));
        Assert.Empty(loaded.Diagnostics);
        var text = new StringBuilder();
        foreach (var document in loaded.Documents)
        {
            var tree = Plain(document.Root);
            Write(text, convertIngressToV1 ? IngressToV1(tree) : tree);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static object Plain(Node node) => node switch
    {
        MappingNode map => new SortedDictionary<string, object>(map.Entries.ToDictionary(e => e.KeyText!, e => Plain(e.Value)), StringComparer.Ordinal),
        SequenceNode list => list.Items.Select(Plain).ToList(),
        ScalarNode scalar when scalar.TryGetInt64(out var number) => $"int:{number}",
        ScalarNode scalar => $"{scalar.Kind}:{scalar.Value}",
        _ => throw new InvalidOperationException(node.ShapeName),
    };

    /// <summary>The v1 form of an extensions/v1beta1 Ingress: backend.service.{name, port.number}, pathType ImplementationSpecific.</summary>
    private static object IngressToV1(object tree)
    {
        var root = (SortedDictionary<string, object>)tree;
        if (root["kind"] is not "String:Ingress" || root["apiVersion"] is "String:networking.k8s.io/v1")
        {
            return tree;
        }

        root["apiVersion"] = "String:networking.k8s.io/v1";
        foreach (SortedDictionary<string, object> rule in (List<object>)((SortedDictionary<string, object>)root["spec"])["rules"])
        {
            foreach (SortedDictionary<string, object> path in (List<object>)((SortedDictionary<string, object>)rule["http"])["paths"])
            {
                var backend = (SortedDictionary<string, object>)path["backend"];
                var port = new SortedDictionary<string, object>(StringComparer.Ordinal) { [((string)backend["servicePort"]).StartsWith("int:", StringComparison.Ordinal) ? "number" : "name"] = backend["servicePort"] };
                var service = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["name"] = backend["serviceName"], ["port"] = port };
                path["backend"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["service"] = service };
                path.TryAdd("pathType", "String:ImplementationSpecific");
            }
        }

        return root;
    }

    private static void Write(StringBuilder text, object tree)
    {
        switch (tree)
        {
            case SortedDictionary<string, object> map:
                text.Append('{');
                foreach (var (key, value) in map)
                {
                    text.Append(key).Append('=');
                    Write(text, value);
                    text.Append(';');
                }

                text.Append('}');
                break;
            case List<object> list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(tree);
                break;
        }
    }
}

internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>shared/corpus/seed next to the repository, or next to a directory above it (a worktree of it).</summary>
    public static string Seed { get; } = FindSeed();

    private static string FindSeed()
    {
        for (var directory = new DirectoryInfo(Root).Parent; directory is not null; directory = directory.Parent)
        {
            var seed = Path.Combine(directory.FullName, "shared", "corpus", "seed");
            if (Directory.Exists(seed))
            {
                return seed;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "seed"));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Linter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
    }
}
