using System.Collections.Concurrent;
using System.Text;
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
/// cluster's <c>kubectl get --raw /openapi/v2</c>. Each definition is kept as its JSON text and compiled the
/// first time an object needs it, so a run that checks one Deployment compiles only what a Deployment uses.
/// The embedded files (one definition per line, see schemas/README.md) are only scanned line by line at
/// start-up, not parsed: a cold run parses just the definitions it uses.
/// </summary>
internal sealed class DefinitionSet
{
    private const string GvkKeyword = "x-kubernetes-group-version-kind";
    private const string DefinitionsPrefix = "#/definitions/";
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private readonly DefinitionTexts _definitions;
    private readonly ConcurrentDictionary<GroupVersionKind, string?> _kindNames = new();
    private readonly Func<GroupVersionKind, string?> _findKind;
    private readonly ConcurrentDictionary<string, SchemaNode> _compiled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DefinitionReference> _references = new(StringComparer.Ordinal);
    private readonly Func<string, DefinitionReference> _referenceFactory;
    private readonly Func<string, SchemaNode> _compile;

    internal DefinitionSet(DefinitionTexts definitions)
    {
        _definitions = definitions;
        _findKind = definitions.FindKind;
        _compile = CompileDefinition;
        _referenceFactory = name => new DefinitionReference(name, n => _compiled.GetOrAdd(n, _compile));
    }

    public int Count => _definitions.Count;

    /// <summary>Reads a swagger document; throws <see cref="JsonException"/> or <see cref="InvalidDataException"/> when it is not one.</summary>
    public static DefinitionSet Parse(ReadOnlyMemory<byte> json) => TryScanLines(json) ?? ParseDocument(json);

    /// <summary>Reads any swagger document by parsing it whole.</summary>
    internal static DefinitionSet ParseDocument(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, DocumentOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("definitions", out var definitionsElement)
            || definitionsElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("it has no \"definitions\" object (expected an OpenAPI v2 document such as `kubectl get --raw /openapi/v2`)");
        }

        var definitions = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var kinds = new Dictionary<GroupVersionKind, string>();
        foreach (var definition in definitionsElement.EnumerateObject())
        {
            definitions[definition.Name] = Encoding.UTF8.GetBytes(definition.Value.GetRawText());
            if (definition.Value.ValueKind == JsonValueKind.Object
                && definition.Value.TryGetProperty(GvkKeyword, out var gvks)
                && gvks.ValueKind == JsonValueKind.Array
                && gvks.GetArrayLength() == 1
                && definition.Value.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("kind", out _))
            {
                // Definitions listing many kinds (DeleteOptions, WatchEvent, Status) are not the schema of any of them.
                var gvk = gvks[0];
                kinds[new GroupVersionKind(Text(gvk, "group"), Text(gvk, "version"), Text(gvk, "kind"))] = definition.Name;
            }
        }

        return new DefinitionSet(new ParsedTexts(definitions, kinds));
    }

    /// <summary>
    /// Indexes a file in the normalised layout (a <c>{"definitions":{</c> line, then one <c>"NAME":{...},</c> per
    /// line in name order, then <c>}}</c>) without parsing it; null when the file is not in that layout. Only where
    /// each line starts is kept: a definition is found by binary search on the names, and the definition of a kind by
    /// searching for its group/version/kind, when first needed, so a run makes no string for the hundreds of
    /// definitions and kinds it never uses.
    /// </summary>
    internal static DefinitionSet? TryScanLines(ReadOnlyMemory<byte> json)
    {
        var header = "{\"definitions\":{\n"u8;
        var text = json.Span;
        if (!text.StartsWith(header))
        {
            return null;
        }

        var lineStarts = new List<int>(1024);
        var position = header.Length;
        var previousName = ReadOnlySpan<byte>.Empty;
        while (true)
        {
            var length = text[position..].IndexOf((byte)'\n');
            if (length < 0)
            {
                return null;
            }

            var line = text.Slice(position, length);
            if (line.SequenceEqual("}}"u8))
            {
                lineStarts.Add(position);
                return new DefinitionSet(new SortedLines(json, [.. lineStarts]));
            }

            // "NAME":{...} with an optional trailing comma; definition names contain no escapes.
            if (DefinitionTexts.Name(line) is not { Length: > 0 } name || name.SequenceCompareTo(previousName) <= 0)
            {
                return null;
            }

            lineStarts.Add(position);
            previousName = name;
            position += length + 1;
        }
    }

    /// <summary>The one group/version/kind of a GVK list, or null when it lists several (or none).</summary>
    internal static GroupVersionKind? ReadSingleKind(ReadOnlySpan<byte> array)
    {
        var reader = new Utf8JsonReader(array);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        GroupVersionKind? found = null;
        string group = string.Empty, version = string.Empty, kind = string.Empty;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (found is not null)
                    {
                        return null;
                    }

                    group = version = kind = string.Empty;
                    break;
                case JsonTokenType.PropertyName:
                    var property = reader.GetString();
                    reader.Read();
                    var value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                    (group, version, kind) = property switch
                    {
                        "group" => (value, version, kind),
                        "version" => (group, value, kind),
                        "kind" => (group, version, value),
                        _ => (group, version, kind),
                    };
                    break;
                case JsonTokenType.EndObject:
                    found = new GroupVersionKind(group, version, kind);
                    break;
            }
        }

        return found;
    }

    /// <summary>The schema of objects of <paramref name="gvk"/>, or null when this set does not serve that kind.</summary>
    public SchemaNode? ForKind(GroupVersionKind gvk) => DefinitionOf(gvk) is { } name ? _compiled.GetOrAdd(name, _compile) : null;

    public bool Serves(GroupVersionKind gvk) => DefinitionOf(gvk) is not null;

    /// <summary>Every kind with a definition of its own (for suggestions; an embedded set reads them all on first use).</summary>
    public IEnumerable<GroupVersionKind> Kinds => _definitions.AllKinds.Keys;

    /// <summary>The name of the definition of <paramref name="gvk"/>'s objects (one that lists that kind alone), or null.</summary>
    internal string? DefinitionOf(GroupVersionKind gvk) => _kindNames.GetOrAdd(gvk, _findKind);

    /// <summary>The JSON text of the definition <paramref name="name"/>, or null when there is none.</summary>
    internal ReadOnlyMemory<byte>? Json(string name) => _definitions.TryGet(name, out var json) ? json : (ReadOnlyMemory<byte>?)null;

    /// <summary>The ObjectMeta schema, for the metadata of custom resources.</summary>
    public SchemaNode? Definition(string name) => _definitions.TryGet(name, out _) ? _compiled.GetOrAdd(name, _compile) : null;

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static string DefinitionName(string reference) =>
        reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal) ? reference[DefinitionsPrefix.Length..] : reference;

    private SchemaNode CompileDefinition(string name)
    {
        if (name.EndsWith(".pkg.api.resource.Quantity", StringComparison.Ordinal))
        {
            return SchemaCompiler.Quantity(SchemaDialect.BuiltIn);
        }

        // RawExtension holds any embedded object; the 1.13 and 1.14 specs describe its Go struct ("Raw" bytes) instead.
        if (name.EndsWith(".pkg.runtime.RawExtension", StringComparison.Ordinal) || !_definitions.TryGet(name, out var json))
        {
            return SchemaNode.Any;
        }

        // The compiled node keeps no reference to the JSON, so the document goes right away. Two threads may
        // compile one definition at once; either result serves.
        using var document = JsonDocument.Parse(json, DocumentOptions);
        return SchemaCompiler.Compile(document.RootElement, SchemaDialect.BuiltIn, reference => _references.GetOrAdd(DefinitionName(reference), _referenceFactory));
    }

    /// <summary>The definitions of a document parsed whole.</summary>
    private sealed class ParsedTexts(Dictionary<string, ReadOnlyMemory<byte>> texts, Dictionary<GroupVersionKind, string> kinds) : DefinitionTexts
    {
        public override int Count => texts.Count;

        public override IReadOnlyDictionary<GroupVersionKind, string> AllKinds => kinds;

        public override bool TryGet(string name, out ReadOnlyMemory<byte> json) => texts.TryGetValue(name, out json);

        public override string? FindKind(GroupVersionKind gvk) => kinds.TryGetValue(gvk, out var name) ? name : null;
    }

    /// <summary>The lines of a file in the normalised layout, one definition each, in name order.</summary>
    /// <param name="lineStarts">Where each definition's line starts, then where the closing line starts.</param>
    private sealed class SortedLines(ReadOnlyMemory<byte> file, int[] lineStarts) : DefinitionTexts
    {
        private Dictionary<GroupVersionKind, string>? _allKinds;

        public override int Count => lineStarts.Length - 1;

        public override IReadOnlyDictionary<GroupVersionKind, string> AllKinds => _allKinds ??= ReadAllKinds();

        /// <summary>
        /// Searches the file for the kind's entry as the normalised layout writes it, <c>"x-kubernetes-group-version-kind":
        /// [{"group":"G","kind":"K","version":"V"}]</c> (one kind alone), and gives the name of the last line that has it.
        /// </summary>
        public override string? FindKind(GroupVersionKind gvk)
        {
            var entry = Encoding.UTF8.GetBytes($"\"{GvkKeyword}\":[{{\"group\":\"{gvk.Group}\",\"kind\":\"{gvk.Kind}\",\"version\":\"{gvk.Version}\"}}]");
            var text = file.Span;
            var found = text.LastIndexOf(entry);
            if (found < 0)
            {
                return null;
            }

            var lineStart = text[..found].LastIndexOf((byte)'\n') + 1;
            var lineLength = text[lineStart..].IndexOf((byte)'\n');
            return Encoding.UTF8.GetString(Name(text.Slice(lineStart, lineLength)));
        }

        private Dictionary<GroupVersionKind, string> ReadAllKinds()
        {
            var kinds = new Dictionary<GroupVersionKind, string>();
            var text = file.Span;
            for (var i = 0; i < Count; i++)
            {
                var line = text[lineStarts[i]..(lineStarts[i + 1] - 1)];
                var gvkKey = line.IndexOf("\"x-kubernetes-group-version-kind\":"u8);
                if (gvkKey >= 0 && ReadSingleKind(line[(gvkKey + GvkKeyword.Length + 3)..]) is { } gvk)
                {
                    kinds[gvk] = Encoding.UTF8.GetString(Name(line));
                }
            }

            return kinds;
        }

        public override bool TryGet(string name, out ReadOnlyMemory<byte> json)
        {
            // Definition names are ASCII, and none is near this long.
            const int LongestName = 512;
            if (name.Length > LongestName)
            {
                json = default;
                return false;
            }

            Span<byte> wanted = stackalloc byte[LongestName * 3];
            wanted = wanted[..Encoding.UTF8.GetBytes(name.AsSpan(), wanted)];
            int low = 0, high = Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var start = lineStarts[middle];
                var line = file.Span[start..(lineStarts[middle + 1] - 1)];
                var order = Name(line).SequenceCompareTo(wanted);
                if (order == 0)
                {
                    // The body follows "NAME": and ends before the line's trailing comma, if any.
                    var bodyStart = wanted.Length + 3;
                    json = file.Slice(start + bodyStart, line.Length - bodyStart - (line[^1] == ',' ? 1 : 0));
                    return true;
                }

                (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
            }

            json = default;
            return false;
        }
    }
}

/// <summary>The JSON text of each definition of a <see cref="DefinitionSet"/>, by name.</summary>
internal abstract class DefinitionTexts
{
    public abstract int Count { get; }

    /// <summary>Each kind that a definition lists alone, with that definition's name.</summary>
    public abstract IReadOnlyDictionary<GroupVersionKind, string> AllKinds { get; }

    public abstract bool TryGet(string name, out ReadOnlyMemory<byte> json);

    /// <summary>The name of the definition that lists <paramref name="gvk"/> alone, or null.</summary>
    public abstract string? FindKind(GroupVersionKind gvk);

    /// <summary>The name of a <c>"NAME":{...}</c> line, or empty when the line is not one.</summary>
    public static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> line)
    {
        var nameEnd = line.Length > 1 && line[0] == '"' ? line[1..].IndexOf((byte)'"') + 1 : 0;
        return nameEnd <= 1 || nameEnd + 2 >= line.Length || line[nameEnd + 1] != ':' ? default : line[1..nameEnd];
    }
}
