using System.Text.Json;
using System.Text.RegularExpressions;

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
    public static SchemaDialect BuiltIn { get; } = new(NullAllowed: true, UntypedObjectsAreFreeForm: true, UnknownFieldsAllowed: false);

    /// <summary>Plain JSON Schema, as in kubeconform's schema files (see <see cref="KeywordsOnlyConstrain"/>).</summary>
    public static SchemaDialect JsonSchema { get; } = new(NullAllowed: false, UntypedObjectsAreFreeForm: true, UnknownFieldsAllowed: false) { KeywordsOnlyConstrain = true };

    /// <summary>
    /// Keywords mean what JSON Schema says rather than what the API server makes of them: a field outside
    /// <c>properties</c> is allowed unless <c>additionalProperties</c> says otherwise, and <c>properties</c> alone
    /// does not make the value an object. So are kubeconform's files read, and the branches of a CRD's
    /// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c> (value validations, which prune nothing).
    /// </summary>
    public bool KeywordsOnlyConstrain { get; init; }
}

/// <summary>
/// Compiles OpenAPI schemas (the swagger 2.0 definitions of the Kubernetes API, or a CRD's openAPIV3Schema)
/// and JSON Schemas (kubeconform's files) into <see cref="SchemaNode"/>s. <c>$ref</c>s become lazy
/// <see cref="DefinitionReference"/>s, made by the caller from the reference's text (<c>#/definitions/Name</c>).
/// </summary>
internal static class SchemaCompiler
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public static SchemaNode Compile(JsonElement schema, SchemaDialect dialect, Func<string, DefinitionReference>? references)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return SchemaNode.Any;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return SchemaNode.Any;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && references is not null)
        {
            return new SchemaNode { Reference = references(target), NullAllowed = dialect.NullAllowed };
        }

        var types = ReadTypes(schema);
        var format = schema.TryGetProperty("format", out var formatElement) ? formatElement.GetString() : null;
        var intOrString = format == "int-or-string" || IsTrue(schema, "x-kubernetes-int-or-string");
        if (intOrString)
        {
            types = JsonTypes.Any;
        }

        Dictionary<string, SchemaNode>? properties = null;
        if (schema.TryGetProperty("properties", out var propertiesElement) && propertiesElement.ValueKind == JsonValueKind.Object)
        {
            properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            foreach (var property in propertiesElement.EnumerateObject())
            {
                properties[property.Name] = Compile(property.Value, dialect, references);
            }

            if (types == JsonTypes.Any && !dialect.KeywordsOnlyConstrain)
            {
                types = JsonTypes.Object;
            }
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
                additional = Compile(additionalElement, dialect, references);
            }
        }
        else if (dialect.KeywordsOnlyConstrain || (properties is null && (types == JsonTypes.Any || dialect.UntypedObjectsAreFreeForm)))
        {
            allowsUnknown = true;
        }

        var items = schema.TryGetProperty("items", out var itemsElement) && itemsElement.ValueKind == JsonValueKind.Object
            ? Compile(itemsElement, dialect, references)
            : null;

        var branches = dialect.KeywordsOnlyConstrain ? dialect : dialect with { KeywordsOnlyConstrain = true };
        var (minimum, exclusiveMinimum) = ReadBound(schema, "minimum", "exclusiveMinimum");
        var (maximum, exclusiveMaximum) = ReadBound(schema, "maximum", "exclusiveMaximum");

        return new SchemaNode
        {
            Types = types,
            Properties = properties,
            Required = ReadStrings(schema, "required") ?? [],
            AdditionalProperties = additional,
            AllowsUnknownFields = allowsUnknown,
            Items = items,
            Enum = schema.TryGetProperty("const", out var constant) ? [Text(constant)] : ReadStrings(schema, "enum"),
            Format = intOrString ? null : format,
            IntOrString = intOrString,
            NullAllowed = dialect.NullAllowed || IsTrue(schema, "nullable") || (types & JsonTypes.Null) != 0,
            Minimum = minimum,
            ExclusiveMinimum = exclusiveMinimum,
            Maximum = maximum,
            ExclusiveMaximum = exclusiveMaximum,
            MinLength = ReadCount(schema, "minLength"),
            MaxLength = ReadCount(schema, "maxLength"),
            MinItems = ReadCount(schema, "minItems"),
            MaxItems = ReadCount(schema, "maxItems"),
            Pattern = ReadPattern(schema),
            AllOf = ReadSchemas(schema, "allOf", branches, references),
            AnyOf = ReadSchemas(schema, "anyOf", branches, references),
            OneOf = ReadSchemas(schema, "oneOf", branches, references),
            Not = schema.TryGetProperty("not", out var not) && not.ValueKind == JsonValueKind.Object
                ? Compile(not, branches, references)
                : null,
        };
    }

    /// <summary>A resource.Quantity: upstream specs say "string", but the API server takes numbers too.</summary>
    public static SchemaNode Quantity(SchemaDialect dialect) => new() { Quantity = true, NullAllowed = dialect.NullAllowed };

    private static JsonTypes ReadTypes(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return JsonTypes.Any;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return TypeOf(type.GetString());
        }

        var types = JsonTypes.Any;
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                types |= TypeOf(item.GetString());
            }
        }

        return types;
    }

    private static JsonTypes TypeOf(string? name) => name switch
    {
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "string" => JsonTypes.String,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number | JsonTypes.Integer,
        "boolean" => JsonTypes.Boolean,
        "null" => JsonTypes.Null,
        _ => JsonTypes.Any,
    };

    private static bool IsTrue(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;

    private static string[]? ReadStrings(JsonElement schema, string keyword)
    {
        if (!schema.TryGetProperty(keyword, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var values = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            values.Add(Text(item));
        }

        return [.. values];
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static SchemaNode[]? ReadSchemas(JsonElement schema, string keyword, SchemaDialect dialect, Func<string, DefinitionReference>? references)
    {
        if (!schema.TryGetProperty(keyword, out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            return null;
        }

        var schemas = new SchemaNode[array.GetArrayLength()];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            schemas[index++] = Compile(item, dialect, references);
        }

        return schemas;
    }

    /// <summary>
    /// A lower or upper bound and whether it is exclusive: OpenAPI and JSON Schema draft 4 mark the bound exclusive
    /// with <c>exclusiveMinimum: true</c>; later drafts give the exclusive bound itself as <c>exclusiveMinimum: 5</c>.
    /// </summary>
    private static (double? Bound, bool Exclusive) ReadBound(JsonElement schema, string inclusiveKeyword, string exclusiveKeyword)
    {
        var bound = schema.TryGetProperty(inclusiveKeyword, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null;
        if (!schema.TryGetProperty(exclusiveKeyword, out var exclusive))
        {
            return (bound, false);
        }

        return exclusive.ValueKind switch
        {
            JsonValueKind.True => (bound, true),
            JsonValueKind.Number => (exclusive.GetDouble(), true),
            _ => (bound, false),
        };
    }

    private static int? ReadCount(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) ? count : null;

    private static Regex? ReadPattern(JsonElement schema)
    {
        if (!schema.TryGetProperty("pattern", out var value) || value.GetString() is not { } pattern)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot read (ECMA-262 and .NET differ in corners) is not checked rather than misjudged.
            return null;
        }
    }
}
