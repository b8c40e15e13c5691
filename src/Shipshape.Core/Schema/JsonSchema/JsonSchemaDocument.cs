using System.Globalization;
using System.Text.Json;

namespace Shipshape.Core.Schema.JsonSchema;

/// <summary>
/// One JSON Schema file (draft-04 to draft-07), compiled whole when it is read: every keyword is checked then, so a
/// malformed schema is refused before any object is validated (<see cref="InvalidDataException"/>), and every
/// <c>$ref</c> is resolved then. Keywords of later drafts (<c>unevaluatedProperties</c>, <c>prefixItems</c> …) are not
/// evaluated; <see cref="IgnoredKeywords"/> names them, so that the run can warn once. References must stay within the file: JSON pointers (<c>#/definitions/Name</c>),
/// and identifiers the file gives its schemas with <c>$id</c> (<c>id</c> in draft-04), both absolute URIs and
/// plain-name fragments (<c>#foo</c>). Nothing is downloaded.
/// </summary>
internal sealed class JsonSchemaDocument
{
    // A base URI for a document that names none, so that relative identifiers inside it resolve.
    private static readonly Uri DefaultBase = new("file:///schema.json");

    // Subschema positions: identifiers are only looked for where a schema can be (an "$id" in an enum is a value).
    private static readonly string[] SchemaKeywords = ["additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else", "items"];
    private static readonly string[] SchemaListKeywords = ["allOf", "anyOf", "oneOf", "items"];
    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];

    private readonly JsonElement _root;
    private readonly string _idKeyword;
    // Absolute URI without fragment (or with a plain-name fragment) of each identified schema, and the schema.
    private readonly Dictionary<string, JsonElement> _identified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DefinitionReference> _references = new(StringComparer.Ordinal);
    private readonly Queue<DefinitionReference> _unresolved = new();
    private readonly SchemaCompiler _compiler;

    /// <exception cref="InvalidDataException">The schema is malformed or refers outside the file.</exception>
    private JsonSchemaDocument(JsonElement root, string idKeyword)
    {
        _root = root;
        _idKeyword = idKeyword;
        var rootBase = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(idKeyword, out var id) && id.ValueKind == JsonValueKind.String
            && Uri.TryCreate(DefaultBase, id.GetString(), out var named) ? named : DefaultBase;
        _identified[SchemaCompiler.WithoutFragment(DefaultBase)] = root;
        Index(root, rootBase, depth: 0);
        _compiler = new SchemaCompiler(Reference, strict: true, idKeyword);
        Root = _compiler.Compile(root, SchemaDialect.JsonSchema, rootBase);
        while (_unresolved.Count > 0)
        {
            _ = _unresolved.Dequeue().Schema;
        }
    }

    public SchemaNode Root { get; }

    /// <summary>The keywords of later drafts in the root and every schema a <c>$ref</c> reaches (all compiled when the file is read), in ordinal order.</summary>
    public IReadOnlyCollection<string> IgnoredKeywords => _compiler.IgnoredKeywords;

    /// <summary>Reads a schema file's JSON; its <c>$schema</c> says which draft (draft-04 uses <c>id</c>), or <paramref name="draft"/> when given.</summary>
    /// <exception cref="InvalidDataException">The schema cannot be used; the message says why and where.</exception>
    /// <exception cref="JsonException">The file is not JSON.</exception>
    public static JsonSchemaDocument Parse(ReadOnlyMemory<byte> json, int? draft = null)
    {
        // Not disposed: the enum values compiled from it are cloned, but the document is small next to the run.
        var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var root = document.RootElement;
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw new InvalidDataException("it is not a JSON object");
        }

        var declared = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String ? schema.GetString()! : string.Empty;
        var isDraft4 = draft is { } number ? number <= 4 : declared.Contains("draft-04") || declared.Contains("draft-03");
        return new JsonSchemaDocument(root, isDraft4 ? "id" : "$id");
    }

    private DefinitionReference Reference(string target)
    {
        if (_references.TryGetValue(target, out var known))
        {
            return known;
        }

        if (Find(target) is null)
        {
            // Shown as written where it was relative to the file itself.
            var fileBase = SchemaCompiler.WithoutFragment(DefaultBase);
            var shown = target.StartsWith(fileBase, StringComparison.Ordinal) ? target[fileBase.Length..]
                : target.StartsWith("file:///", StringComparison.Ordinal) ? target["file:///".Length..]
                : target;
            throw new InvalidDataException($"$ref \"{shown}\" does not name a schema in this file (only references within the file, such as #/definitions/Name, are followed; nothing is downloaded)");
        }

        var reference = new DefinitionReference(target, CompileAt);
        _references[target] = reference;
        _unresolved.Enqueue(reference);
        return reference;
    }

    private SchemaNode CompileAt(string target)
    {
        var hash = target.IndexOf('#');
        var resource = hash < 0 ? target : target[..hash];
        return _compiler.Compile(Find(target)!.Value, SchemaDialect.JsonSchema, new Uri(resource));
    }

    /// <summary>The schema an absolute reference names, or null: an identified schema, a plain-name fragment, or a JSON pointer within an identified schema.</summary>
    private JsonElement? Find(string target)
    {
        if (_identified.TryGetValue(target, out var named))
        {
            return named;
        }

        var hash = target.IndexOf('#');
        if (hash < 0 || !_identified.TryGetValue(target[..hash], out var element))
        {
            return null;
        }

        var pointer = target[(hash + 1)..];
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return null;
        }

        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return null;
            }
        }

        return element;
    }

    /// <summary>Records the identifiers of <paramref name="schema"/> and the schemas inside it, each resolved against its enclosing base URI.</summary>
    private void Index(JsonElement schema, Uri baseUri, int depth)
    {
        // In draft-04 to draft-07 a $ref replaces its schema: an $id beside it names nothing, and nothing below is a schema.
        if (schema.ValueKind != JsonValueKind.Object || depth > 256 || schema.TryGetProperty("$ref", out _))
        {
            return;
        }

        if (schema.TryGetProperty(_idKeyword, out var id) && id.ValueKind == JsonValueKind.String && Uri.TryCreate(baseUri, id.GetString(), out var identified))
        {
            var text = id.GetString()!;
            if (text.StartsWith('#'))
            {
                _identified.TryAdd(SchemaCompiler.WithoutFragment(baseUri) + text, schema);
            }
            else
            {
                baseUri = identified;
                _identified.TryAdd(SchemaCompiler.WithoutFragment(identified), schema);
                var hash = text.IndexOf('#');
                if (hash >= 0 && hash < text.Length - 1)
                {
                    _identified.TryAdd(SchemaCompiler.WithoutFragment(identified) + text[hash..], schema);
                }
            }
        }

        foreach (var keyword in SchemaKeywords)
        {
            if (schema.TryGetProperty(keyword, out var child))
            {
                Index(child, baseUri, depth + 1);
            }
        }

        foreach (var keyword in SchemaListKeywords)
        {
            if (schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in list.EnumerateArray())
                {
                    Index(child, baseUri, depth + 1);
                }
            }
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema.TryGetProperty(keyword, out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var child in map.EnumerateObject())
                {
                    Index(child.Value, baseUri, depth + 1);
                }
            }
        }
    }
}
