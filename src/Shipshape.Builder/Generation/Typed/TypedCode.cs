using System.Globalization;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Generation.Typed;

/// <summary>
/// Code that builds an object with generated classes (<c>new CronTab().Name("x").Spec(new CronTabSpec().Replicas(3))</c>)
/// from the object's YAML and the type model: a field whose value the class cannot type (a number where the schema
/// wants a string, an unknown field, an empty map) becomes <c>.Set(field, value)</c>, so nothing is lost.
/// </summary>
internal sealed class TypedCode(TypeModel model)
{
    /// <summary>The object's code, or null when a field name cannot be a <c>.Set</c> path (it holds a dot) or a key is not a string.</summary>
    public ICode? Resource(MappingNode root, ClassModel kind)
    {
        var chain = new CodeChain($"new {Name(kind.Name)}()");
        foreach (var entry in root.Entries)
        {
            switch (entry.KeyText)
            {
                case null:
                    return null;
                case "apiVersion" or "kind" or "status":
                    break;
                case "metadata" when entry.Value is MappingNode metadata:
                    if (!Metadata(chain, metadata))
                    {
                        return null;
                    }

                    break;
                default:
                    if (!Field(chain, kind, entry.KeyText, entry.Value))
                    {
                        return null;
                    }

                    break;
            }
        }

        return chain;
    }

    private static bool Metadata(CodeChain chain, MappingNode metadata)
    {
        foreach (var entry in metadata.Entries)
        {
            switch (entry.KeyText, entry.Value)
            {
                case (null, _):
                    return false;
                case ("name", ScalarNode { Kind: ScalarKind.String } name):
                    chain.Call("Name", CodeChain.Literal(name.Value));
                    break;
                case ("namespace", ScalarNode { Kind: ScalarKind.String } ns):
                    chain.Call("Namespace", CodeChain.Literal(ns.Value));
                    break;
                case ("labels" or "annotations", MappingNode { Count: > 0 } pairs) when pairs.Entries.All(e => e.KeyText is not null && e.Value is ScalarNode { Kind: ScalarKind.String }):
                    foreach (var pair in pairs.Entries)
                    {
                        chain.Call(entry.KeyText == "labels" ? "Label" : "Annotation", CodeChain.Literal(pair.KeyText!), CodeChain.Literal(((ScalarNode)pair.Value).Value));
                    }

                    break;
                default:
                    if (entry.KeyText.Contains('.', StringComparison.Ordinal))
                    {
                        return false;
                    }

                    chain.Call("Set", CodeChain.Literal("metadata." + entry.KeyText), RawCode.Value(entry.Value));
                    break;
            }
        }

        return true;
    }

    /// <summary>Adds the calls that set field <paramref name="key"/> of a <paramref name="type"/> object; false when no call can.</summary>
    private bool Field(CodeChain chain, ClassModel type, string key, Node value)
    {
        if (TypedEmitter.Methods(type).FirstOrDefault(m => m.Field.JsonName == key) is ({ } field, { } method))
        {
            var start = chain.Count;
            if (TypedCalls(chain, method, field.Type, value))
            {
                return true;
            }

            chain.TruncateTo(start);
        }

        if (key.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        chain.Call("Set", CodeChain.Literal(key), RawCode.Value(value));
        return true;
    }

    private bool TypedCalls(CodeChain chain, string method, FieldType type, Node value)
    {
        switch (type)
        {
            case MapType map when value is MappingNode { Count: > 0 } entries:
                foreach (var entry in entries.Entries)
                {
                    if (entry.KeyText is not { } key || Value(TypedEmitter.Nested(map.Value), entry.Value) is not { } item)
                    {
                        return false;
                    }

                    chain.Call(method, CodeChain.Literal(key), item);
                }

                return true;
            case ListType list when value is SequenceNode sequence:
                var items = new List<object>();
                foreach (var node in sequence.Items)
                {
                    if (Value(list.Item is EnumType ? list.Item : TypedEmitter.Nested(list.Item), node) is not { } item)
                    {
                        return false;
                    }

                    items.Add(item);
                }

                chain.Call(method, [.. items]);
                return true;
            case MapType or ListType:
                return false;
            default:
                if (Value(type, value) is not { } single)
                {
                    return false;
                }

                chain.Call(method, single);
                return true;
        }
    }

    /// <summary>A C# expression (text or nested code) for <paramref name="value"/> as a <paramref name="type"/>, or null.</summary>
    private object? Value(FieldType type, Node value)
    {
        var scalar = value as ScalarNode;
        switch (type)
        {
            case ScalarType { Kind: ValueKind.String } when scalar is { Kind: ScalarKind.String }:
                return CodeChain.Literal(scalar.Value);
            case ScalarType { Kind: ValueKind.Int32 } when scalar is not null && scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue:
                return CodeChain.Number(number);
            case ScalarType { Kind: ValueKind.Int64 } when scalar is not null && scalar.TryGetInt64(out var number):
                return CodeChain.Number(number);
            case ScalarType { Kind: ValueKind.Double } when scalar is { Kind: ScalarKind.Integer or ScalarKind.Float } && scalar.TryGetDouble(out var real) && double.IsFinite(real):
                return real.ToString("R", CultureInfo.InvariantCulture) + "d";
            case ScalarType { Kind: ValueKind.Boolean } when scalar is not null && scalar.TryGetBoolean(out var flag):
                return CodeChain.Boolean(flag);
            case ScalarType { Kind: ValueKind.IntOrString or ValueKind.Quantity } when scalar is { Kind: ScalarKind.String }:
                return CodeChain.Literal(scalar.Value);
            case ScalarType { Kind: ValueKind.IntOrString } when scalar is not null && scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue:
                return CodeChain.Number(number);
            case ScalarType { Kind: ValueKind.Quantity } when scalar is not null && scalar.TryGetInt64(out var number):
                return CodeChain.Number(number);
            case ScalarType { Kind: ValueKind.Any }:
                return RawCode.Value(value);
            case EnumType choice when scalar is { Kind: ScalarKind.String } && IndexOf(choice.Values, scalar.Value) is var index and >= 0:
                return $"{Name(choice.Name)}.{TypedEmitter.MemberNames(choice.Values)[index]}";
            // A kind inside an object (a StatefulSet's volumeClaimTemplates, a list's items) is written with its own
            // apiVersion and kind and needs a name, which the YAML may not have: it keeps the YAML it has.
            case ObjectType objectType when value is MappingNode map && model.Class(objectType.Name).Kind is null:
                return ObjectCode(objectType, map);
            default:
                return null;
        }
    }

    private CodeChain? ObjectCode(ObjectType type, MappingNode map)
    {
        var chain = new CodeChain($"new {Name(type.Name)}()");
        foreach (var entry in map.Entries)
        {
            if (entry.KeyText is not { } key || !Field(chain, model.Class(type.Name), key, entry.Value))
            {
                return null;
            }
        }

        return chain;
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Name(TypeName name) => name.Namespace + "." + name.Name;
}
