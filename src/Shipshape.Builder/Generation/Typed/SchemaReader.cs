using System.Text;
using System.Text.Json;
using Shipshape.Core.Schema;

namespace Shipshape.Builder.Generation.Typed;

/// <summary>
/// Reads OpenAPI schemas into a <see cref="TypeModel"/>: both the swagger 2.0 definitions of the built-in kinds
/// (where objects are named definitions, reached by <c>$ref</c>) and a CRD's openAPIV3Schema (where objects are
/// written inline, and are named after their path: <c>CronTabSpec</c>, <c>CronTabSpecTemplate</c>). An object
/// with properties becomes a class, a string with <c>enum</c> an enum, <c>additionalProperties</c> a map, and what
/// says nothing about its fields (RawExtension, preserve-unknown-fields) a <see cref="FieldValue"/>.
/// </summary>
/// <param name="references">Resolves a <c>$ref</c>; null where references are not allowed (CRDs), which reads them as any value.</param>
internal sealed class SchemaReader(TypeModel model, Func<string, FieldType>? references)
{
    /// <summary>
    /// How deeply objects may nest. The deepest built-in type nests 9 levels; a CRD deeper than this is hostile or
    /// broken, and reading it would take stack and time in proportion.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>What <paramref name="schema"/> holds; an inline object becomes a class called <paramref name="name"/> in <paramref name="ns"/>.</summary>
    /// <exception cref="InvalidDataException">The schema nests deeper than <see cref="MaxDepth"/>.</exception>
    public FieldType Read(JsonElement schema, string ns, string name, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return ScalarType.Any;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            return references?.Invoke(reference.GetString()!) ?? ScalarType.Any;
        }

        if (IsTrue(schema, "x-kubernetes-int-or-string") || Text(schema, "format") == "int-or-string")
        {
            return new ScalarType(ValueKind.IntOrString);
        }

        if (IsTrue(schema, "x-kubernetes-embedded-resource"))
        {
            return ScalarType.Any;
        }

        var type = Text(schema, "type");
        if (type is null or "string" && StringEnum(schema) is { } allowed)
        {
            return model.DefineEnum(ns, name, allowed);
        }

        switch (type)
        {
            case "string":
                return ScalarType.String;
            case "integer":
                return new ScalarType(Text(schema, "format") == "int32" ? ValueKind.Int32 : ValueKind.Int64);
            case "number":
                return new ScalarType(ValueKind.Double);
            case "boolean":
                return new ScalarType(ValueKind.Boolean);
            case "array":
                return new ListType(schema.TryGetProperty("items", out var items) ? Read(items, ns, name, Deeper(depth)) : ScalarType.Any);
            case null or "object":
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.EnumerateObject().Any())
                {
                    return new ObjectType(ReadClass(schema, model.Reserve(ns, name), kind: null, depth));
                }

                return schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object
                    ? new MapType(Read(values, ns, name + "Value", Deeper(depth)))
                    : ScalarType.Any;
            default:
                return ScalarType.Any;
        }
    }

    /// <summary>
    /// Defines the class <paramref name="name"/> (reserved by the caller) from an object schema; a kind's class leaves
    /// out apiVersion, kind and metadata, which every builder object writes itself.
    /// </summary>
    public TypeName ReadClass(JsonElement schema, TypeName name, GroupVersionKind? kind, int depth)
    {
        var fields = new List<FieldModel>();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (kind is not null && property.Name is "apiVersion" or "kind" or "metadata")
                {
                    continue;
                }

                fields.Add(new FieldModel(property.Name, Read(property.Value, name.Namespace, name.Name + Pascal(property.Name), Deeper(depth))));
            }
        }

        model.Define(new ClassModel(name, kind, fields));
        return name;
    }

    /// <summary>"cronSpec" → "CronSpec", "x-kubernetes-list-type" → "XKubernetesListType", "$ref" → "Ref": a C# identifier.</summary>
    public static string Pascal(string name)
    {
        var text = new StringBuilder(name.Length);
        var startsWord = true;
        foreach (var character in name)
        {
            if (!char.IsAsciiLetterOrDigit(character))
            {
                startsWord = true;
                continue;
            }

            text.Append(startsWord ? char.ToUpperInvariant(character) : character);
            startsWord = false;
        }

        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "Field" + text : text.ToString();
    }

    private static int Deeper(int depth) => depth < MaxDepth
        ? depth + 1
        : throw new InvalidDataException($"the schema nests objects more than {MaxDepth} levels deep");

    /// <summary>The values of an <c>enum</c> of strings only, or null (numbers, null, or no enum).</summary>
    private static List<string>? StringEnum(JsonElement schema)
    {
        if (!schema.TryGetProperty("enum", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            return null;
        }

        var strings = new List<string>();
        foreach (var value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            strings.Add(value.GetString()!);
        }

        return strings;
    }

    private static string? Text(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsTrue(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.True;
}
