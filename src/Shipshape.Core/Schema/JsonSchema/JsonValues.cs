using System.Globalization;
using System.Text.Json;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema.JsonSchema;

/// <summary>
/// A JSON number: exact as a decimal where it fits (so 0.1 is a multiple of 0.01, and 1 equals 1.0), otherwise as a
/// double (1e308).
/// </summary>
internal readonly record struct JsonNumber(decimal? Exact, double Value)
{
    public static JsonNumber From(JsonElement number)
    {
        if (number.TryGetDecimal(out var exact))
        {
            return new JsonNumber(exact, (double)exact);
        }

        // Beyond double's range JsonElement refuses; the text still reads as an infinity, which compares sensibly.
        return new JsonNumber(null, number.TryGetDouble(out var value) ? value : double.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>The number a YAML scalar resolves to, or null when it is not a number.</summary>
    public static JsonNumber? From(ScalarNode scalar)
    {
        if (scalar.Kind == ScalarKind.Integer && scalar.TryGetInt64(out var integer))
        {
            return new JsonNumber(integer, integer);
        }

        if (scalar.Kind is not (ScalarKind.Integer or ScalarKind.Float))
        {
            return null;
        }

        if (decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return new JsonNumber(exact, (double)exact);
        }

        return ScalarResolver.TryParseFloat(scalar.Value, out var value) ? new JsonNumber(null, value) : null;
    }

    public bool IsWhole => Exact is { } exact ? decimal.Truncate(exact) == exact : double.IsFinite(Value) && Math.Floor(Value) == Value;

    public bool EqualTo(JsonNumber other) => Exact is { } exact && other.Exact is { } otherExact ? exact == otherExact : Value.Equals(other.Value);

    public int CompareTo(JsonNumber other) => Exact is { } exact && other.Exact is { } otherExact ? exact.CompareTo(otherExact) : Value.CompareTo(other.Value);

    /// <summary>Whether this number is an integer multiple of <paramref name="divisor"/> (which is greater than zero).</summary>
    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (Exact is { } exact && divisor.Exact is { } exactDivisor)
        {
            try
            {
                return exact % exactDivisor == 0;
            }
            catch (OverflowException)
            {
                // Falls through to doubles.
            }
        }

        var quotient = Value / divisor.Value;
        return double.IsFinite(quotient) && Math.Floor(quotient) == quotient;
    }

    public override string ToString() => Exact is { } exact ? exact.ToString(CultureInfo.InvariantCulture) : Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// JSON equality between YAML nodes and schema values (enum, const, uniqueItems): numbers by value (1 equals 1.0),
/// strings by text ("1" is not 1), mappings by their fields in any order, lists item by item, null only with null.
/// </summary>
internal static class JsonValues
{
    public static bool Equal(Node node, JsonElement value)
    {
        switch (node)
        {
            case MappingNode mapping:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                var fields = 0;
                foreach (var property in value.EnumerateObject())
                {
                    fields++;
                    if (!mapping.TryGetEntry(property.Name, out var entry) || !Equal(entry.Value, property.Value))
                    {
                        return false;
                    }
                }

                return fields == DistinctKeys(mapping);
            case SequenceNode sequence:
                if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != sequence.Count)
                {
                    return false;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (!Equal(sequence.Items[index++], item))
                    {
                        return false;
                    }
                }

                return true;
            case ScalarNode scalar:
                return scalar.Kind switch
                {
                    ScalarKind.Null => value.ValueKind == JsonValueKind.Null,
                    ScalarKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                        && scalar.TryGetBoolean(out var boolean) && boolean == (value.ValueKind == JsonValueKind.True),
                    ScalarKind.String => value.ValueKind == JsonValueKind.String && value.ValueEquals(scalar.Value),
                    _ => value.ValueKind == JsonValueKind.Number && JsonNumber.From(scalar) is { } number && number.EqualTo(JsonNumber.From(value)),
                };
            default:
                return false;
        }
    }

    public static bool Equal(Node left, Node right)
    {
        switch (left, right)
        {
            case (MappingNode a, MappingNode b):
                if (DistinctKeys(a) != DistinctKeys(b))
                {
                    return false;
                }

                foreach (var entry in a.Entries)
                {
                    if (entry.KeyText is not { } key || !b.TryGetEntry(key, out var other) || !Equal(a[key]!, other.Value))
                    {
                        return false;
                    }
                }

                return true;
            case (SequenceNode a, SequenceNode b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!Equal(a.Items[i], b.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (ScalarNode a, ScalarNode b):
                return KindOf(a) == KindOf(b) && KindOf(a) switch
                {
                    ScalarKind.Null => true,
                    ScalarKind.Boolean => a.TryGetBoolean(out var x) && b.TryGetBoolean(out var y) && x == y,
                    ScalarKind.String => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
                    _ => JsonNumber.From(a) is { } m && JsonNumber.From(b) is { } n && m.EqualTo(n),
                };
            default:
                return false;
        }
    }

    /// <summary>A hash that agrees with <see cref="Equal(Node, Node)"/>, so that finding duplicates among n items is not n² comparisons.</summary>
    public static int Hash(Node node)
    {
        switch (node)
        {
            case MappingNode mapping:
                // Field order does not matter: combine the fields' hashes with an order-free sum.
                var sum = 17;
                foreach (var entry in mapping.Entries)
                {
                    sum += HashCode.Combine(entry.KeyText, Hash(entry.Value));
                }

                return sum;
            case SequenceNode sequence:
                var hash = new HashCode();
                foreach (var item in sequence.Items)
                {
                    hash.Add(Hash(item));
                }

                return hash.ToHashCode();
            case ScalarNode scalar:
                return KindOf(scalar) switch
                {
                    ScalarKind.Float => JsonNumber.From(scalar) is { } number ? number.Value.GetHashCode() : 0,
                    ScalarKind.String => StringComparer.Ordinal.GetHashCode(scalar.Value),
                    var kind => (int)kind,
                };
            default:
                return 0;
        }
    }

    /// <summary>The kind for comparison: integers and floats are both numbers.</summary>
    private static ScalarKind KindOf(ScalarNode scalar) => scalar.Kind == ScalarKind.Integer ? ScalarKind.Float : scalar.Kind;

    /// <summary>Fields of a mapping, counting a repeated key once (its later value wins, as in the API server).</summary>
    private static int DistinctKeys(MappingNode mapping)
    {
        var count = 0;
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            if (mapping.Entries[i].KeyText is { } key && mapping.TryGetEntry(key, out var winner) && winner.IsSameEntry(mapping.Entries[i]))
            {
                count++;
            }
        }

        return count;
    }
}
