using Shipshape.Core.Schema;

namespace Shipshape.Builder.Generation.Typed;

/// <summary>A C# type the emitter writes or refers to: a namespace and a name in it.</summary>
internal sealed record TypeName(string Namespace, string Name)
{
    public string Qualified => "global::" + Namespace + "." + Name;
}

/// <summary>What a field holds, as the emitter types its setter.</summary>
internal abstract record FieldType;

/// <summary>A value with a type of its own in the builder (a string, a number, a quantity …).</summary>
internal sealed record ScalarType(ValueKind Kind) : FieldType
{
    public static ScalarType String { get; } = new(ValueKind.String);

    /// <summary>Anything: a free-form object (RawExtension, preserve-unknown-fields), given as a <see cref="FieldValue"/>.</summary>
    public static ScalarType Any { get; } = new(ValueKind.Any);
}

internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    IntOrString,
    Quantity,
    Any,
}

/// <summary>An object with a generated class of its own.</summary>
internal sealed record ObjectType(TypeName Name) : FieldType;

/// <summary>A string field that allows only <paramref name="Values"/>: a generated C# enum.</summary>
internal sealed record EnumType(TypeName Name, IReadOnlyList<string> Values) : FieldType;

internal sealed record ListType(FieldType Item) : FieldType;

/// <summary>A map from strings to <paramref name="Value"/> (labels, data, resource limits).</summary>
internal sealed record MapType(FieldType Value) : FieldType;

/// <summary>A field of a generated class: its JSON name and what it holds.</summary>
internal sealed record FieldModel(string JsonName, FieldType Type);

/// <summary>A generated class: a kind (apiVersion and kind given) or a type nested in objects.</summary>
internal sealed record ClassModel(TypeName Name, GroupVersionKind? Kind, IReadOnlyList<FieldModel> Fields);

/// <summary>A type model and the class of each kind (group, version and kind) it has: what generated code builds objects with.</summary>
internal sealed record KindTypes(TypeModel Model, IReadOnlyDictionary<GroupVersionKind, ClassModel> Kinds);

/// <summary>
/// The classes and enums to generate, whichever schemas they came from: the OpenAPI v2 definitions of the built-in
/// kinds (<see cref="BuiltInKinds"/>) or the openAPIV3Schema of CRDs. Names are
/// unique per namespace: a name taken is given a number.
/// </summary>
internal sealed class TypeModel
{
    private readonly Dictionary<TypeName, ClassModel?> _classes = [];
    private readonly Dictionary<TypeName, EnumType> _enums = [];

    public IEnumerable<ClassModel> Classes => _classes.Values.OfType<ClassModel>();

    public IEnumerable<EnumType> Enums => _enums.Values;

    /// <summary>A name in <paramref name="ns"/> not yet taken, from <paramref name="wanted"/>; reserves it.</summary>
    public TypeName Reserve(string ns, string wanted)
    {
        var name = new TypeName(ns, wanted);
        for (var number = 2; _classes.ContainsKey(name) || _enums.ContainsKey(name); number++)
        {
            name = new TypeName(ns, wanted + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _classes[name] = null;
        return name;
    }

    /// <summary>Whether <paramref name="name"/> was reserved (or defined) already.</summary>
    public bool IsReserved(TypeName name) => _classes.ContainsKey(name);

    public void Define(ClassModel model) => _classes[model.Name] = model;

    /// <summary>The class defined as <paramref name="name"/>.</summary>
    public ClassModel Class(TypeName name) => _classes[name] ?? throw new InvalidOperationException($"{name} is reserved but not defined.");

    public EnumType DefineEnum(string ns, string wanted, IReadOnlyList<string> values)
    {
        var name = Reserve(ns, wanted);
        _classes.Remove(name);
        var type = new EnumType(name, values);
        _enums[name] = type;
        return type;
    }
}
