using System.Text;

namespace Shipshape.Builder.Generation.Typed;

/// <summary>
/// Writes a <see cref="TypeModel"/> as C#: a sealed class per type with a fluent method per field, named after it
/// (<c>.Schedule("0 * * * *")</c>); a list field takes its items (<c>.Containers(a, b)</c>); a map field takes one
/// entry or all of them (<c>.Data("key", "value")</c>). Kinds derive from <see cref="Kinds.TypedResource{TSelf}"/>,
/// so an <see cref="App"/> takes and lints them; nested types from <see cref="Kinds.TypedObject{TSelf}"/>. The code uses
/// only the builder's public API, so it compiles in the builder (the built-in kinds) and in a user's project (CRDs).
/// </summary>
internal static class TypedEmitter
{
    private const string KindsNamespace = "global::Shipshape.Builder.Kinds";

    /// <summary>Members the base classes have, which a field's method must not hide.</summary>
    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "Set", "WithField", "WithEntry", "WithEntries", "ToYaml", "Fields", "Overrides",
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private static readonly HashSet<string> KindMembers = new(ObjectMembers, StringComparer.Ordinal)
    {
        "Name", "Namespace", "Label", "Annotation", "ApiVersion", "Kind", "ObjectName", "ObjectNamespace", "Labels",
        "Annotations", "IsNameRequired", "WriteBody", "Self",
    };

    /// <summary>The model's namespaces in ordinal order, each with its classes and enums in ordinal order.</summary>
    public static IEnumerable<(string Namespace, string Code)> Namespaces(TypeModel model)
    {
        var classes = model.Classes.ToLookup(c => c.Name.Namespace);
        var enums = model.Enums.ToLookup(e => e.Name.Namespace);
        foreach (var ns in classes.Select(g => g.Key).Union(enums.Select(g => g.Key)).Order(StringComparer.Ordinal))
        {
            var text = new StringBuilder();
            text.Append("namespace ").Append(ns).Append("\n{\n");
            var first = true;
            foreach (var type in classes[ns].OrderBy(c => c.Name.Name, StringComparer.Ordinal))
            {
                text.Append(first ? "" : "\n");
                WriteClass(text, type);
                first = false;
            }

            foreach (var type in enums[ns].OrderBy(e => e.Name.Name, StringComparer.Ordinal))
            {
                text.Append(first ? "" : "\n");
                WriteEnum(text, type);
                first = false;
            }

            text.Append("}\n");
            yield return (ns, text.ToString());
        }
    }

    private static void WriteClass(StringBuilder text, ClassModel type)
    {
        var name = type.Name.Name;
        if (type.Kind is { } kind)
        {
            text.Append($"    /// <summary>A {kind.ApiVersion} {kind.Kind}.</summary>\n");
            text.Append($"    public sealed class {name}() : {KindsNamespace}.TypedResource<{name}>({CodeChain.Literal(kind.ApiVersion)}, {CodeChain.Literal(kind.Kind)})\n");
        }
        else
        {
            text.Append($"    public sealed class {name} : {KindsNamespace}.TypedObject<{name}>\n");
        }

        text.Append("    {\n");
        foreach (var (field, method) in Methods(type))
        {
            WriteSetter(text, type.Name, method, field);
        }

        text.Append("    }\n");
    }

    /// <summary>
    /// Each field with the name of its method: the field's name in PascalCase, with "Field" added where that would hide
    /// a member of the base class or take the class's own name (a kind's top-level <c>name</c>).
    /// </summary>
    public static IEnumerable<(FieldModel Field, string Method)> Methods(ClassModel type)
    {
        var taken = new HashSet<string>(type.Kind is null ? ObjectMembers : KindMembers, StringComparer.Ordinal) { type.Name.Name };
        foreach (var field in type.Fields)
        {
            var method = SchemaReader.Pascal(field.JsonName);
            method = taken.Contains(method) ? method + "Field" : method;
            for (var number = 2; !taken.Add(method); number++)
            {
                method = SchemaReader.Pascal(field.JsonName) + "Field" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return (field, method);
        }
    }

    private static void WriteSetter(StringBuilder text, TypeName owner, string method, FieldModel field)
    {
        var json = CodeChain.Literal(field.JsonName);
        var self = owner.Name;
        switch (field.Type)
        {
            case ListType { Item: EnumType item }:
                text.Append($"        public {self} {method}(params {TypeText(item, owner)}[] value) => WithField({json}, global::System.Linq.Enumerable.Select(value, item => {EnumText(item, "item")}));\n");
                break;
            case ListType list:
                text.Append($"        public {self} {method}(params {TypeText(Nested(list.Item), owner)}[] value) => WithField({json}, value);\n");
                break;
            case MapType map:
                var value = TypeText(Nested(map.Value), owner);
                text.Append($"        public {self} {method}(string key, {value} value) => WithEntry({json}, key, value);\n");
                text.Append($"        public {self} {method}(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, {value}>> entries) => WithEntries({json}, entries);\n");
                break;
            case EnumType choice:
                text.Append($"        public {self} {method}({TypeText(choice, owner)} value) => WithField({json}, {EnumText(choice, "value")});\n");
                break;
            default:
                text.Append($"        public {self} {method}({TypeText(field.Type, owner)} value) => WithField({json}, value);\n");
                break;
        }
    }

    /// <summary>
    /// What an item of a list or a value of a map is typed as: enums and maps inside them are a string and a
    /// <see cref="FieldValue"/>, which the fields store writes without knowing the generated types.
    /// </summary>
    public static FieldType Nested(FieldType type) => type switch
    {
        EnumType => ScalarType.String,
        MapType => ScalarType.Any,
        ListType list => new ListType(Nested(list.Item)),
        _ => type,
    };

    private static string TypeText(FieldType type, TypeName owner) => type switch
    {
        ScalarType { Kind: ValueKind.String } => "string",
        ScalarType { Kind: ValueKind.Int32 } => "int",
        ScalarType { Kind: ValueKind.Int64 } => "long",
        ScalarType { Kind: ValueKind.Double } => "double",
        ScalarType { Kind: ValueKind.Boolean } => "bool",
        ScalarType { Kind: ValueKind.IntOrString } => KindsNamespace + ".IntOrString",
        ScalarType { Kind: ValueKind.Quantity } => KindsNamespace + ".Quantity",
        ObjectType objectType => Reference(objectType.Name, owner),
        EnumType enumType => Reference(enumType.Name, owner),
        ListType list => $"global::System.Collections.Generic.IEnumerable<{TypeText(list.Item, owner)}>",
        _ => "global::Shipshape.Builder.FieldValue",
    };

    private static string Reference(TypeName type, TypeName owner) => type.Namespace == owner.Namespace ? type.Name : type.Qualified;

    /// <summary>The wire value of enum <paramref name="variable"/>: a switch, so no reflection is needed to write it.</summary>
    private static string EnumText(EnumType type, string variable)
    {
        var arms = MemberNames(type.Values).Select((member, i) => $"{type.Name.Name}.{member} => {CodeChain.Literal(type.Values[i])}, ");
        return $"{variable} switch {{ {string.Concat(arms)}_ => throw new global::System.ArgumentOutOfRangeException(nameof({variable})) }}";
    }

    private static void WriteEnum(StringBuilder text, EnumType type)
    {
        text.Append($"    public enum {type.Name.Name}\n    {{\n");
        foreach (var member in MemberNames(type.Values))
        {
            text.Append($"        {member},\n");
        }

        text.Append("    }\n");
    }

    /// <summary>"IfNotPresent" → IfNotPresent, "" → Empty, "1.0" → Field10: one distinct identifier per value.</summary>
    public static List<string> MemberNames(IReadOnlyList<string> values)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = value.Length == 0 ? "Empty" : SchemaReader.Pascal(value);
            var unique = name;
            for (var number = 2; !taken.Add(unique); number++)
            {
                unique = name + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names.Add(unique);
        }

        return names;
    }
}
