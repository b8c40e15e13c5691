using System.Text.Json;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

/// <summary>
/// One served version of a CustomResourceDefinition: the kind it defines and its openAPIV3Schema as UTF-8 JSON, if
/// it has one. The JSON is written while the definition's file is analysed (in parallel with other files) and is a
/// fraction of the size of the schema's node tree, which a run therefore does not keep.
/// </summary>
internal sealed record CustomResourceVersion(GroupVersionKind Kind, byte[]? SchemaJson, SchemaDialect Dialect);

/// <summary>
/// The schemas that the CustomResourceDefinitions of a linted set give their kinds (openAPIV3Schema per served
/// version), compiled as structural schemas: unknown fields are pruned by the API server, so they are reported;
/// null needs <c>nullable: true</c>. apiextensions.k8s.io/v1 and v1beta1 are both read. When two definitions
/// serve the same kind, the later one in the set wins. A schema is compiled when the first object of its kind
/// is validated: most definitions in a repository have no objects beside them.
/// </summary>
internal sealed class CustomResourceSchemas
{
    private readonly Dictionary<GroupVersionKind, Lazy<SchemaNode>> _schemas = [];
    private readonly HashSet<GroupVersionKind> _definedWithoutSchema = [];
    private readonly Lazy<SchemaNode> _metadata;

    /// <param name="metadata">The built-in ObjectMeta schema, which every custom resource's metadata follows; read when first needed.</param>
    public CustomResourceSchemas(Lazy<SchemaNode> metadata)
    {
        _metadata = metadata;
    }

    /// <summary>The schema of <paramref name="gvk"/>, or null when no definition in the set validates it.</summary>
    public SchemaNode? For(GroupVersionKind gvk) => _schemas.TryGetValue(gvk, out var schema) ? schema.Value : null;

    /// <summary>A definition in the set declares the kind but gives no schema for it: its objects are accepted as they are.</summary>
    public bool IsDefined(GroupVersionKind gvk) => _schemas.ContainsKey(gvk) || _definedWithoutSchema.Contains(gvk);

    /// <summary>Adds the versions of one definition; call in set order, so that a later definition of a kind replaces an earlier one.</summary>
    public void Add(IEnumerable<CustomResourceVersion> versions)
    {
        foreach (var version in versions)
        {
            if (version.SchemaJson is not { } schema)
            {
                _definedWithoutSchema.Add(version.Kind);
                continue;
            }

            var dialect = version.Dialect;
            _schemas[version.Kind] = new Lazy<SchemaNode>(() => Compile(schema, dialect, _metadata.Value));
        }
    }

    /// <summary>The versions <paramref name="definition"/> serves; empty when it is not an apiextensions.k8s.io CustomResourceDefinition.</summary>
    public static IReadOnlyList<CustomResourceVersion> Read(KubeObject definition)
    {
        if (definition.Kind != "CustomResourceDefinition" || definition.Group != "apiextensions.k8s.io"
            || definition.Spec is not { } spec
            || spec.Text("group") is not { } group || spec.Mapping("names")?.Text("kind") is not { } kind)
        {
            return [];
        }

        var isV1Beta1 = definition.ApiVersion == "apiextensions.k8s.io/v1beta1";

        // v1beta1 keeps unknown fields unless spec.preserveUnknownFields is false; v1 always prunes them.
        var prunes = !isV1Beta1 || spec.Scalar("preserveUnknownFields") is { } preserve && preserve.TryGetBoolean(out var keep) && !keep;
        var dialect = new SchemaDialect(NullAllowed: false, UntypedObjectsAreFreeForm: false, UnknownFieldsAllowed: !prunes);
        var shared = isV1Beta1 && spec.Mapping("validation")?.Mapping("openAPIV3Schema") is { } sharedSchema ? YamlJson.ToUtf8(sharedSchema, withoutDescriptions: true) : null;

        var versions = new List<CustomResourceVersion>();
        if (spec.Sequence("versions") is { } list)
        {
            foreach (var item in list.Mappings)
            {
                if (item.Text("name") is { } name)
                {
                    var schema = item.Mapping("schema")?.Mapping("openAPIV3Schema") is { } own ? YamlJson.ToUtf8(own, withoutDescriptions: true) : shared;
                    versions.Add(new CustomResourceVersion(new GroupVersionKind(group, name, kind), schema, dialect));
                }
            }
        }
        else if (isV1Beta1 && spec.Text("version") is { } single)
        {
            versions.Add(new CustomResourceVersion(new GroupVersionKind(group, single, kind), shared, dialect));
        }

        return versions;
    }

    private static SchemaNode Compile(byte[] schema, SchemaDialect dialect, SchemaNode metadata)
    {
        using var document = JsonDocument.Parse(schema);
        var root = SchemaCompiler.Compile(document.RootElement, dialect, references: null);

        // apiVersion, kind and metadata belong to every object, whether or not the CRD's schema lists them.
        var properties = root.Properties?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        properties["apiVersion"] = new SchemaNode { Types = JsonTypes.String };
        properties["kind"] = new SchemaNode { Types = JsonTypes.String };
        properties["metadata"] = metadata;
        return root with { Types = JsonTypes.Object, Properties = properties };
    }
}
