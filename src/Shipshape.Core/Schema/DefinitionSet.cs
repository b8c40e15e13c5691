using System.Collections.Concurrent;
using System.Text.Json;

namespace Shipshape.Core.Schema;

/// <summary>An API group, version and kind: what an object's apiVersion and kind name.</summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    public static GroupVersionKind From(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? new(string.Empty, apiVersion, kind) : new(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    public override string ToString() => $"{ApiVersion} {Kind}";
}

/// <summary>
/// The <c>definitions</c> of one Kubernetes OpenAPI (swagger 2.0) document: an embedded version, or a
/// cluster's <c>kubectl get --raw /openapi/v2</c>. The JSON is parsed once; each definition is compiled the
/// first time an object needs it, so a run that checks one Deployment compiles only what a Deployment uses.
/// </summary>
internal sealed class DefinitionSet
{
    private readonly Dictionary<string, JsonElement> _definitions;
    private readonly Dictionary<GroupVersionKind, string> _kinds;
    private readonly ConcurrentDictionary<string, SchemaNode> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DefinitionReference> _references = new(StringComparer.Ordinal);
    private readonly Func<string, DefinitionReference> _referenceFactory;
    private readonly Func<string, SchemaNode> _compile;

    private DefinitionSet(Dictionary<string, JsonElement> definitions, Dictionary<GroupVersionKind, string> kinds)
    {
        _definitions = definitions;
        _kinds = kinds;
        _compile = CompileDefinition;
        _referenceFactory = name => new DefinitionReference(name, n => _compiled.GetOrAdd(n, _compile));
    }

    public int Count => _definitions.Count;

    /// <summary>Reads a swagger document; throws <see cref="JsonException"/> or <see cref="InvalidDataException"/> when it is not one.</summary>
    public static DefinitionSet Parse(ReadOnlyMemory<byte> json)
    {
        // Not disposed: the elements kept in the index read from the document for the life of the set.
        var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("definitions", out var definitionsElement)
            || definitionsElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidDataException("it has no \"definitions\" object (expected an OpenAPI v2 document such as `kubectl get --raw /openapi/v2`)");
        }

        var definitions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var kinds = new Dictionary<GroupVersionKind, string>();
        foreach (var definition in definitionsElement.EnumerateObject())
        {
            definitions[definition.Name] = definition.Value;
            if (definition.Value.ValueKind == JsonValueKind.Object
                && definition.Value.TryGetProperty("x-kubernetes-group-version-kind", out var gvks)
                && gvks.ValueKind == JsonValueKind.Array
                && gvks.GetArrayLength() == 1
                && IsObjectSchema(definition.Value))
            {
                // Definitions listing many kinds (DeleteOptions, WatchEvent, Status) are not the schema of any of them.
                var gvk = gvks[0];
                kinds[new GroupVersionKind(Text(gvk, "group"), Text(gvk, "version"), Text(gvk, "kind"))] = definition.Name;
            }
        }

        return new DefinitionSet(definitions, kinds);
    }

    /// <summary>The schema of objects of <paramref name="gvk"/>, or null when this set does not serve that kind.</summary>
    public SchemaNode? ForKind(GroupVersionKind gvk) => _kinds.TryGetValue(gvk, out var name) ? _compiled.GetOrAdd(name, _compile) : null;

    public bool Serves(GroupVersionKind gvk) => _kinds.ContainsKey(gvk);

    /// <summary>Whether any kind of <paramref name="apiVersion"/> is served.</summary>
    public bool ServesApiVersion(string apiVersion) => _kinds.Keys.Any(k => k.ApiVersion == apiVersion);

    public IEnumerable<GroupVersionKind> Kinds => _kinds.Keys;

    /// <summary>The ObjectMeta schema, for the metadata of custom resources.</summary>
    public SchemaNode? Definition(string name) => _definitions.ContainsKey(name) ? _compiled.GetOrAdd(name, _compile) : null;

    private static bool IsObjectSchema(JsonElement definition) =>
        definition.TryGetProperty("properties", out var properties) && properties.TryGetProperty("kind", out _);

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private SchemaNode CompileDefinition(string name)
    {
        if (name.EndsWith(".pkg.api.resource.Quantity", StringComparison.Ordinal))
        {
            return SchemaCompiler.Quantity(SchemaDialect.BuiltIn);
        }

        // RawExtension holds any embedded object; 1.13's spec describes its Go struct ("Raw" bytes) instead.
        if (name.EndsWith(".pkg.runtime.RawExtension", StringComparison.Ordinal) || !_definitions.TryGetValue(name, out var definition))
        {
            return SchemaNode.Any;
        }

        // JsonDocument is safe for concurrent reads; two threads may compile one definition at once, and either result serves.
        return SchemaCompiler.Compile(definition, SchemaDialect.BuiltIn, name => _references.GetOrAdd(name, _referenceFactory));
    }
}
