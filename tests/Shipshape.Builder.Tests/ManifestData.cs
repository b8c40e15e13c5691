using System.Text;
using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Tests;

/// <summary>
/// Objects compared as data, not text: mapping keys sorted, lists in order, scalars by what they resolve to
/// (0644 and 420 are the same integer, an empty value and ~ the same null; "80" and 80 are not equal). Both sides are read the way the generator
/// means them: top-level <c>status</c> left out (the cluster writes it) and v1beta1 Ingresses in their v1 form.
/// </summary>
internal static class ManifestData
{
    /// <summary>Every document as one line of sorted, typed text: equal objects give equal strings, and a difference shows where.</summary>
    public static string Canonical(string yaml) => string.Concat(Documents(yaml).Select(document => document + "\n"));

    public static IReadOnlyList<string> Documents(string yaml)
    {
        // An unrendered template is read as the YAML it is, as `generate csharp` reads it.
        var file = new SourceFile("test.yaml", yaml);
        var loaded = new YamlLoader().Load(file);
        if (loaded.Diagnostics is [{ Id: RuleIds.UnrenderedTemplate }])
        {
            loaded = new YamlLoader().ReadWhole(file);
        }

        Assert.All(loaded.Diagnostics, diagnostic => Assert.Equal(RuleIds.DuplicateKey, diagnostic.Id));
        return [.. loaded.Documents.Select(document =>
        {
            var tree = (SortedDictionary<string, object>)Plain(document.Root);
            tree.Remove("status");
            var text = new StringBuilder();
            Write(text, IngressToV1(tree));
            return text.ToString();
        })];
    }

    private static object Plain(Node node) => node switch
    {
        // A key given twice has its last value, as the API server reads it.
        MappingNode map => new SortedDictionary<string, object>(map.Entries.GroupBy(e => e.KeyText!).ToDictionary(g => g.Key, g => Plain(g.Last().Value)), StringComparer.Ordinal),
        SequenceNode list => list.Items.Select(Plain).ToList(),
        ScalarNode { IsNull: true } => "null",
        ScalarNode scalar when scalar.TryGetInt64(out var number) => $"int:{number}",
        ScalarNode scalar => $"{scalar.Kind}:{scalar.Value}",
        _ => throw new InvalidOperationException(node.ShapeName),
    };

    /// <summary>The v1 form of a v1beta1 Ingress: backend.service.{name, port.number}, pathType ImplementationSpecific.</summary>
    private static SortedDictionary<string, object> IngressToV1(SortedDictionary<string, object> root)
    {
        if (root.GetValueOrDefault("kind") is not "String:Ingress" || root.GetValueOrDefault("apiVersion") is not ("String:extensions/v1beta1" or "String:networking.k8s.io/v1beta1"))
        {
            return root;
        }

        root["apiVersion"] = "String:networking.k8s.io/v1";
        var rules = (root.GetValueOrDefault("spec") as SortedDictionary<string, object>)?.GetValueOrDefault("rules") as List<object> ?? [];
        foreach (var rule in rules.OfType<SortedDictionary<string, object>>())
        {
            var paths = (rule.GetValueOrDefault("http") as SortedDictionary<string, object>)?.GetValueOrDefault("paths") as List<object> ?? [];
            foreach (var path in paths.OfType<SortedDictionary<string, object>>())
            {
                if (path.GetValueOrDefault("backend") is not SortedDictionary<string, object> backend || backend.GetValueOrDefault("servicePort") is not string servicePort)
                {
                    continue;
                }

                var port = new SortedDictionary<string, object>(StringComparer.Ordinal) { [servicePort.StartsWith("int:", StringComparison.Ordinal) ? "number" : "name"] = servicePort };
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
