using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

/// <summary>
/// The schemas that the CustomResourceDefinitions of a linted set give their kinds (openAPIV3Schema per served
/// version), compiled as structural schemas: unknown fields are pruned by the API server, so they are reported;
/// null needs <c>nullable: true</c>. apiextensions.k8s.io/v1 and v1beta1 are both read.
/// </summary>
internal sealed class CustomResourceSchemas
{
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private readonly Dictionary<GroupVersionKind, SchemaNode> _schemas = [];
    private readonly HashSet<GroupVersionKind> _definedWithoutSchema = [];

    public CustomResourceSchemas(ObjectSet set, DefinitionSet? builtIn)
    {
        var metadata = builtIn?.Definition(ObjectMetaDefinition) ?? SchemaNode.Any;
        foreach (var definition in set.OfKind("CustomResourceDefinition"))
        {
            if (definition.Group == "apiextensions.k8s.io")
            {
                Read(definition, metadata);
            }
        }
    }

    /// <summary>The schema of <paramref name="gvk"/>, or null when no definition in the set validates it.</summary>
    public SchemaNode? For(GroupVersionKind gvk) => _schemas.GetValueOrDefault(gvk);

    /// <summary>A definition in the set declares the kind but gives no schema for it: its objects are accepted as they are.</summary>
    public bool IsDefined(GroupVersionKind gvk) => _schemas.ContainsKey(gvk) || _definedWithoutSchema.Contains(gvk);

    private void Read(KubeObject definition, SchemaNode metadata)
    {
        var spec = definition.Spec;
        if (spec?.Text("group") is not { } group || spec.Mapping("names")?.Text("kind") is not { } kind)
        {
            return;
        }

        var isV1Beta1 = definition.ApiVersion == "apiextensions.k8s.io/v1beta1";

        // v1beta1 keeps unknown fields unless spec.preserveUnknownFields is false; v1 always prunes them.
        var prunes = !isV1Beta1 || spec.Scalar("preserveUnknownFields") is { } preserve && preserve.TryGetBoolean(out var keep) && !keep;
        var dialect = new SchemaDialect(NullAllowed: false, UntypedObjectsAreFreeForm: false, UnknownFieldsAllowed: !prunes);
        var shared = isV1Beta1 ? spec.Mapping("validation")?.Mapping("openAPIV3Schema") : null;

        var versions = new List<(string Name, MappingNode? Schema)>();
        if (spec.Sequence("versions") is { } list)
        {
            foreach (var item in list.Items.OfType<MappingNode>())
            {
                if (item.Text("name") is { } name)
                {
                    versions.Add((name, item.Mapping("schema")?.Mapping("openAPIV3Schema") ?? shared));
                }
            }
        }
        else if (isV1Beta1 && spec.Text("version") is { } single)
        {
            versions.Add((single, shared));
        }

        foreach (var (name, schema) in versions)
        {
            var gvk = new GroupVersionKind(group, name, kind);
            if (schema is null)
            {
                _definedWithoutSchema.Add(gvk);
                continue;
            }

            _schemas[gvk] = Compile(schema, dialect, metadata);
        }
    }

    private static SchemaNode Compile(MappingNode schema, SchemaDialect dialect, SchemaNode metadata)
    {
        using var document = JsonDocument.Parse(YamlJson.ToUtf8(schema));
        var root = SchemaCompiler.Compile(document.RootElement, dialect, references: null);

        // apiVersion, kind and metadata belong to every object, whether or not the CRD's schema lists them.
        var properties = root.Properties?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        properties["apiVersion"] = new SchemaNode { Types = JsonTypes.String };
        properties["kind"] = new SchemaNode { Types = JsonTypes.String };
        properties["metadata"] = metadata;
        return root with { Types = JsonTypes.Object, Properties = properties };
    }
}
