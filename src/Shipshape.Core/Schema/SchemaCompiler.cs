using System.Globalization;
using System.Text.Json;
using Shipshape.Core.Schema.JsonSchema;

namespace Shipshape.Core.Schema;

/// <summary>How the schemas of a source are to be read where Kubernetes itself reads them differently.</summary>
/// <param name="NullAllowed">Null is accepted for every field (built-in types), not only where <c>nullable: true</c> says so.</param>
/// <param name="UntypedObjectsAreFreeForm">
/// An object schema without properties accepts any fields (RawExtension, FieldsV1 in the built-in specs);
/// in a structural CRD schema it accepts none, because the API server prunes them.
/// </param>
/// <param name="UnknownFieldsAllowed">No field is ever unknown: a v1beta1 CRD that does not prune keeps them all.</param>
internal sealed record SchemaDialect(bool NullAllowed, bool UntypedObjectsAreFreeForm, bool UnknownFieldsAllowed)
{
    public static SchemaDialect BuiltIn { get; } = new(NullAllowed: true, UntypedObjectsAreFreeForm: true, UnknownFieldsAllowed: false)
    {
        ListTypesAreValidated = false,
    };

    /// <summary>Plain JSON Schema, as in kubeconform's schema files (see <see cref="KeywordsOnlyConstrain"/>).</summary>
    public static SchemaDialect JsonSchema { get; } = new(NullAllowed: false, UntypedObjectsAreFreeForm: true, UnknownFieldsAllowed: false)
    {
        KeywordsOnlyConstrain = true,
        WholeNumbersAreIntegers = true,
    };

    /// <summary>
    /// Keywords mean what JSON Schema says rather than what the API server makes of them: a field outside
    /// <c>properties</c> is allowed unless <c>additionalProperties</c> says otherwise, and <c>properties</c> alone
    /// does not make the value an object. So are kubeconform's files read, and the branches of a CRD's
    /// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> (value validations, which prune nothing).
    /// </summary>
    public bool KeywordsOnlyConstrain { get; init; }

    /// <summary>1.0 is an integer, as JSON Schema says; the API server's Go decoder wants integer syntax for its own types.</summary>
    public bool WholeNumbersAreIntegers { get; init; }

    /// <summary>
    /// <c>x-kubernetes-list-type: set|map</c> items must be unique. The API server enforces that for custom resources;
    /// in the built-in specs the same markers only tell server-side apply how to merge (two ports of one container
    /// with the same number are accepted with a warning, which SHIP2005 reports).
    /// </summary>
    public bool ListTypesAreValidated { get; init; } = true;
}

/// <summary>
/// Compiles OpenAPI schemas (the swagger 2.0 definitions of the Kubernetes API, or a CRD's openAPIV3Schema)
/// and JSON Schemas (draft-04 to draft-07: kubeconform's files) into <see cref="SchemaNode"/>s, once per schema.
/// <c>$ref</c>s become lazy <see cref="DefinitionReference"/>s, made by the caller from the reference's text
/// (resolved against the enclosing <c>$id</c> when the caller tracks them). A compiler for user schema files is
/// strict: a keyword of the wrong shape (a number for <c>type</c>, a pattern .NET cannot read) throws
/// <see cref="InvalidDataException"/> naming where, and a keyword of a later draft that it does not implement is
/// collected in <see cref="IgnoredKeywords"/> for a warning, rather than being skipped without a word.
/// Built-in and CRD schemas (checked by the API server already) skip what they cannot use.
/// </summary>
internal sealed class SchemaCompiler
{
    /// <summary>Keywords of later JSON Schema drafts, which this engine does not evaluate; a strict compiler collects them.</summary>
    private static readonly HashSet<string> UnsupportedKeywords = new(StringComparer.Ordinal)
    {
        "unevaluatedProperties", "unevaluatedItems", "dependentRequired", "dependentSchemas", "prefixItems",
        "minContains", "maxContains", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
    };

    private readonly Func<string, DefinitionReference>? _references;
    private readonly bool _strict;
    private readonly string? _idKeyword;
    // Where in the document the schema being compiled is, for the messages of a strict compiler.
    private readonly List<string> _pointer = [];
    private readonly SortedSet<string> _ignoredKeywords = new(StringComparer.Ordinal);

    /// <param name="references">Makes the reference for a <c>$ref</c>'s target; null ignores <c>$ref</c>s.</param>
    /// <param name="strict">Throw on malformed keywords and collect unsupported ones instead of skipping them.</param>
    /// <param name="idKeyword"><c>$id</c> (draft-06 on) or <c>id</c> (draft-04) when base URIs are tracked: references are then passed resolved, as absolute URIs.</param>
    internal SchemaCompiler(Func<string, DefinitionReference>? references, bool strict, string? idKeyword)
    {
        _references = references;
        _strict = strict;
        _idKeyword = idKeyword;
    }

    public static SchemaNode Compile(JsonElement schema, SchemaDialect dialect, Func<string, DefinitionReference>? references) =>
        new SchemaCompiler(references, strict: false, idKeyword: null).Compile(schema, dialect, baseUri: null);

    /// <summary>The keywords of later drafts a strict compiler has met so far, in ordinal order: they constrain nothing here.</summary>
    internal IReadOnlyCollection<string> IgnoredKeywords => _ignoredKeywords;

    /// <summary>A resource.Quantity: upstream specs say "string", but the API server takes numbers too.</summary>
    public static SchemaNode Quantity(SchemaDialect dialect) => new() { Quantity = true, NullAllowed = dialect.NullAllowed };

    /// <summary>An identifier (<c>$id</c>) resolved against the base URI it appears under.</summary>
    public static Uri Resolve(Uri baseUri, string reference) => new(baseUri, reference);

    /// <exception cref="InvalidDataException">A strict compiler met a malformed keyword.</exception>
    internal SchemaNode Compile(JsonElement schema, SchemaDialect dialect, Uri? baseUri)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return SchemaNode.Any;
            case JsonValueKind.False:
                return SchemaNode.Nothing;
            case JsonValueKind.Object:
                break;
            default:
                Malformed($"a schema must be a mapping or a boolean, but is {Describe(schema)}");
                return SchemaNode.Any;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            if (reference.ValueKind != JsonValueKind.String)
            {
                Malformed($"$ref must be a string, but is {Describe(reference)}");
            }
            else if (_references is not null)
            {
                // In draft-04 to draft-07 a $ref replaces the whole schema: its siblings (an $id too) are ignored.
                var target = reference.GetString()!;
                return new SchemaNode { Reference = _references(_idKeyword is null ? target : Absolute(baseUri, target)), NullAllowed = dialect.NullAllowed };
            }
        }

        if (_idKeyword is not null && schema.TryGetProperty(_idKeyword, out var id) && id.ValueKind == JsonValueKind.String && baseUri is not null
            && !id.GetString()!.StartsWith('#'))
        {
            baseUri = Resolve(baseUri, id.GetString()!);
        }

        if (_strict)
        {
            foreach (var property in schema.EnumerateObject())
            {
                if (UnsupportedKeywords.Contains(property.Name))
                {
                    _ignoredKeywords.Add(property.Name);
                }
            }
        }

        var types = ReadTypes(schema);
        var format = ReadString(schema, "format");
        var intOrString = format == "int-or-string" || IsTrue(schema, "x-kubernetes-int-or-string");
        if (intOrString)
        {
            types = JsonTypes.Any;
        }

        var properties = ReadSchemaMap(schema, "properties", dialect, baseUri);
        if (properties is not null && types == JsonTypes.Any && !dialect.KeywordsOnlyConstrain)
        {
            types = JsonTypes.Object;
        }

        SchemaNode? additional = null;
        // An embedded resource is a whole object of any kind: its fields are not known from here.
        var allowsUnknown = dialect.UnknownFieldsAllowed || IsTrue(schema, "x-kubernetes-preserve-unknown-fields") || IsTrue(schema, "x-kubernetes-embedded-resource");
        if (schema.TryGetProperty("additionalProperties", out var additionalElement))
        {
            if (additionalElement.ValueKind == JsonValueKind.True)
            {
                allowsUnknown = true;
            }
            else if (additionalElement.ValueKind == JsonValueKind.Object)
            {
                additional = CompileAt("additionalProperties", additionalElement, dialect, baseUri);
            }
            else if (additionalElement.ValueKind != JsonValueKind.False)
            {
                Malformed($"additionalProperties must be a schema or a boolean, but is {Describe(additionalElement)}");
            }
        }
        else if (dialect.KeywordsOnlyConstrain || (properties is null && (types == JsonTypes.Any || dialect.UntypedObjectsAreFreeForm)))
        {
            allowsUnknown = true;
        }

        SchemaNode? items = null;
        SchemaNode[]? itemsByPosition = null;
        if (schema.TryGetProperty("items", out var itemsElement))
        {
            if (itemsElement.ValueKind == JsonValueKind.Array)
            {
                itemsByPosition = ReadSchemaList(schema, "items", dialect, baseUri, allowEmpty: true);
            }
            else
            {
                items = CompileAt("items", itemsElement, dialect, baseUri);
            }
        }

        var branches = dialect.KeywordsOnlyConstrain ? dialect : dialect with { KeywordsOnlyConstrain = true };
        var (minimum, exclusiveMinimum) = ReadBound(schema, "minimum", "exclusiveMinimum");
        var (maximum, exclusiveMaximum) = ReadBound(schema, "maximum", "exclusiveMaximum");
        var hasConst = schema.TryGetProperty("const", out var constant);
        var multipleOf = ReadNumber(schema, "multipleOf");
        if (multipleOf is { Value: <= 0 })
        {
            Malformed($"multipleOf must be greater than 0, but is {multipleOf}");
            multipleOf = null;
        }

        return new SchemaNode
        {
            Types = types,
            Properties = properties,
            PatternProperties = ReadPatternProperties(schema, dialect, baseUri),
            Required = ReadStrings(schema, "required") ?? [],
            AdditionalProperties = additional,
            AllowsUnknownFields = allowsUnknown,
            MinProperties = ReadCount(schema, "minProperties"),
            MaxProperties = ReadCount(schema, "maxProperties"),
            Dependencies = ReadDependencies(schema, dialect, baseUri),
            PropertyNames = CompileOptional(schema, "propertyNames", dialect, baseUri),
            Items = items,
            ItemsByPosition = itemsByPosition,
            AdditionalItems = itemsByPosition is null ? null : CompileOptional(schema, "additionalItems", dialect, baseUri),
            UniqueItems = IsTrue(schema, "uniqueItems"),
            Contains = CompileOptional(schema, "contains", branches, baseUri),
            ListType = dialect.ListTypesAreValidated && ReadString(schema, "x-kubernetes-list-type") is { } listType && listType is "set" or "map" ? listType : null,
            ListMapKeys = ReadStrings(schema, "x-kubernetes-list-map-keys"),
            Enum = hasConst ? [constant.Clone()] : ReadValues(schema, "enum"),
            IsConst = hasConst,
            WholeNumbersAreIntegers = dialect.WholeNumbersAreIntegers,
            Format = intOrString ? null : format,
            IntOrString = intOrString,
            NullAllowed = dialect.NullAllowed || IsTrue(schema, "nullable") || (types & JsonTypes.Null) != 0,
            NullIsUnset = dialect.NullAllowed,
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
            MultipleOf = multipleOf,
            MinLength = ReadCount(schema, "minLength"),
            MaxLength = ReadCount(schema, "maxLength"),
            MinItems = ReadCount(schema, "minItems"),
            MaxItems = ReadCount(schema, "maxItems"),
            Pattern = ReadPattern(schema),
            AllOf = ReadSchemaList(schema, "allOf", branches, baseUri, allowEmpty: false),
            AnyOf = ReadSchemaList(schema, "anyOf", branches, baseUri, allowEmpty: false),
            OneOf = ReadSchemaList(schema, "oneOf", branches, baseUri, allowEmpty: false),
            Not = CompileOptional(schema, "not", branches, baseUri),
            If = CompileOptional(schema, "if", branches, baseUri),
            Then = CompileOptional(schema, "then", branches, baseUri),
            Else = CompileOptional(schema, "else", branches, baseUri),
            ValidationRules = Cel.CelValidationRule.ReadAll(schema),
        };
    }

    /// <summary>The absolute form of a <c>$ref</c>: the fragment kept as written, the rest resolved against the base.</summary>
    private static string Absolute(Uri? baseUri, string reference)
    {
        var hash = reference.IndexOf('#');
        var resource = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? string.Empty : reference[hash..];
        var resolved = baseUri is null ? resource : resource.Length == 0 ? WithoutFragment(baseUri) : WithoutFragment(Resolve(baseUri, resource));
        return resolved + fragment;
    }

    public static string WithoutFragment(Uri uri)
    {
        var text = uri.OriginalString.Length > 0 && uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        var hash = text.IndexOf('#');
        return hash < 0 ? text : text[..hash];
    }

    private void Malformed(string why)
    {
        if (_strict)
        {
            var where = _pointer.Count == 0 ? "the root schema" : "#/" + string.Join("/", _pointer);
            throw new InvalidDataException($"at {where}: {why}");
        }
    }

    private SchemaNode CompileAt(string segment, JsonElement schema, SchemaDialect dialect, Uri? baseUri)
    {
        _pointer.Add(segment);
        var node = Compile(schema, dialect, baseUri);
        _pointer.RemoveAt(_pointer.Count - 1);
        return node;
    }

    private SchemaNode? CompileOptional(JsonElement schema, string keyword, SchemaDialect dialect, Uri? baseUri) =>
        schema.TryGetProperty(keyword, out var value) ? CompileAt(keyword, value, dialect, baseUri) : null;

    private Dictionary<string, SchemaNode>? ReadSchemaMap(JsonElement schema, string keyword, SchemaDialect dialect, Uri? baseUri)
    {
        if (!schema.TryGetProperty(keyword, out var map))
        {
            return null;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            Malformed($"{keyword} must be a mapping of schemas, but is {Describe(map)}");
            return null;
        }

        var schemas = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        _pointer.Add(keyword);
        foreach (var property in map.EnumerateObject())
        {
            schemas[property.Name] = CompileAt(property.Name.Replace("~", "~0").Replace("/", "~1"), property.Value, dialect, baseUri);
        }

        _pointer.RemoveAt(_pointer.Count - 1);
        return schemas;
    }

    private (SchemaPattern, SchemaNode)[]? ReadPatternProperties(JsonElement schema, SchemaDialect dialect, Uri? baseUri)
    {
        if (ReadSchemaMap(schema, "patternProperties", dialect, baseUri) is not { Count: > 0 } map)
        {
            return null;
        }

        var patterns = new List<(SchemaPattern, SchemaNode)>(map.Count);
        foreach (var (text, node) in map)
        {
            if (SchemaPattern.TryCreate(text, _strict, out var problem) is { } pattern)
            {
                patterns.Add((pattern, node));
            }
            else
            {
                Malformed($"patternProperties name \"{text}\" is not a regular expression Shipshape can read: {problem}");
            }
        }

        return [.. patterns];
    }

    private (string, IReadOnlyList<string>?, SchemaNode?)[]? ReadDependencies(JsonElement schema, SchemaDialect dialect, Uri? baseUri)
    {
        if (!schema.TryGetProperty("dependencies", out var map))
        {
            return null;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            Malformed($"dependencies must be a mapping, but is {Describe(map)}");
            return null;
        }

        var dependencies = new List<(string, IReadOnlyList<string>?, SchemaNode?)>();
        _pointer.Add("dependencies");
        foreach (var property in map.EnumerateObject())
        {
            dependencies.Add(property.Value.ValueKind == JsonValueKind.Array
                ? (property.Name, ReadStrings(map, property.Name), null)
                : (property.Name, null, CompileAt(property.Name, property.Value, dialect, baseUri)));
        }

        _pointer.RemoveAt(_pointer.Count - 1);
        return dependencies.Count == 0 ? null : [.. dependencies];
    }

    private SchemaNode[]? ReadSchemaList(JsonElement schema, string keyword, SchemaDialect dialect, Uri? baseUri, bool allowEmpty)
    {
        if (!schema.TryGetProperty(keyword, out var array))
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array || (array.GetArrayLength() == 0 && !allowEmpty))
        {
            Malformed($"{keyword} must be a non-empty list of schemas, but is {Describe(array)}");
            return null;
        }

        var schemas = new SchemaNode[array.GetArrayLength()];
        var index = 0;
        _pointer.Add(keyword);
        foreach (var item in array.EnumerateArray())
        {
            schemas[index] = CompileAt(index.ToString(CultureInfo.InvariantCulture), item, dialect, baseUri);
            index++;
        }

        _pointer.RemoveAt(_pointer.Count - 1);
        return schemas;
    }

    private JsonTypes ReadTypes(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return JsonTypes.Any;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return TypeOf(type.GetString()!);
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            Malformed($"type must be a type name or a list of them, but is {Describe(type)}");
            return JsonTypes.Any;
        }

        var types = JsonTypes.Any;
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Malformed($"type must list type names, but holds {Describe(item)}");
                return JsonTypes.Any;
            }

            types |= TypeOf(item.GetString()!);
        }

        return types;
    }

    private JsonTypes TypeOf(string name)
    {
        switch (name)
        {
            case "object":
                return JsonTypes.Object;
            case "array":
                return JsonTypes.Array;
            case "string":
                return JsonTypes.String;
            case "integer":
                return JsonTypes.Integer;
            case "number":
                return JsonTypes.Number | JsonTypes.Integer;
            case "boolean":
                return JsonTypes.Boolean;
            case "null":
                return JsonTypes.Null;
            default:
                Malformed($"type \"{name}\" is not a JSON type (object, array, string, integer, number, boolean or null)");
                return JsonTypes.Any;
        }
    }

    private static bool IsTrue(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;

    private string? ReadString(JsonElement schema, string keyword)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Malformed($"{keyword} must be a string, but is {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    private string[]? ReadStrings(JsonElement schema, string keyword)
    {
        if (!schema.TryGetProperty(keyword, out var array))
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            Malformed($"{keyword} must be a list of strings, but is {Describe(array)}");
            return null;
        }

        var values = new string[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[index++] = item.GetString()!;
        }

        return values;
    }

    /// <summary>The values of <c>enum</c>, kept beyond the document they come from (which the caller may dispose).</summary>
    private JsonElement[]? ReadValues(JsonElement schema, string keyword)
    {
        if (!schema.TryGetProperty(keyword, out var array))
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Malformed($"{keyword} must be a list of values, but is {Describe(array)}");
            return null;
        }

        var values = new JsonElement[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.Clone().EnumerateArray())
        {
            values[index++] = item;
        }

        return values;
    }

    /// <summary>
    /// A lower or upper bound and whether it is exclusive: OpenAPI and JSON Schema draft 4 mark the bound exclusive
    /// with <c>exclusiveMinimum: true</c>; later drafts give the exclusive bound itself as <c>exclusiveMinimum: 5</c>.
    /// When a schema has both an inclusive bound and a numeric exclusive one, the stricter applies.
    /// </summary>
    private (double? Bound, bool Exclusive) ReadBound(JsonElement schema, string inclusiveKeyword, string exclusiveKeyword)
    {
        var bound = ReadNumber(schema, inclusiveKeyword)?.Value;
        if (!schema.TryGetProperty(exclusiveKeyword, out var exclusive))
        {
            return (bound, false);
        }

        switch (exclusive.ValueKind)
        {
            case JsonValueKind.True:
                return (bound, bound is not null);
            case JsonValueKind.False:
                return (bound, false);
            case JsonValueKind.Number:
                var exclusiveBound = JsonNumber.From(exclusive).Value;
                var lower = inclusiveKeyword == "minimum";
                if (bound is { } inclusiveBound && (lower ? inclusiveBound > exclusiveBound : inclusiveBound < exclusiveBound))
                {
                    return (inclusiveBound, false);
                }

                return (exclusiveBound, true);
            default:
                Malformed($"{exclusiveKeyword} must be a number or a boolean, but is {Describe(exclusive)}");
                return (bound, false);
        }
    }

    private JsonNumber? ReadNumber(JsonElement schema, string keyword)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Malformed($"{keyword} must be a number, but is {Describe(value)}");
            return null;
        }

        return JsonNumber.From(value);
    }

    private int? ReadCount(JsonElement schema, string keyword)
    {
        if (ReadNumber(schema, keyword) is not { } number)
        {
            return null;
        }

        if (!number.IsWhole || number.Value < 0)
        {
            Malformed($"{keyword} must be a whole number of at least 0, but is {number}");
            return null;
        }

        return number.Value >= int.MaxValue ? int.MaxValue : (int)number.Value;
    }

    private SchemaPattern? ReadPattern(JsonElement schema)
    {
        if (ReadString(schema, "pattern") is not { } text)
        {
            return null;
        }

        var pattern = SchemaPattern.TryCreate(text, _strict, out var problem);
        if (pattern is null)
        {
            // In a built-in or CRD schema, a pattern .NET cannot read (ECMA-262 and .NET differ in corners) is not checked rather than misjudged.
            Malformed($"pattern \"{text}\" is not a regular expression Shipshape can read: {problem}");
        }

        return pattern;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => "null",
    };
}
