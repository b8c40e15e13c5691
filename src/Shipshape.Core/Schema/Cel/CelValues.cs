using System.Text;

namespace Shipshape.Core.Schema.Cel;

// CEL values are plain .NET objects: bool, long (int), ulong (uint), double, string, CelBytes, CelNull,
// IReadOnlyList<object> (list), CelMap, DateTimeOffset (timestamp), TimeSpan (duration), CelType, CelOptional,
// and the Kubernetes types of KubernetesLibraries. Errors are CelError exceptions, which && and || absorb as CEL says.

/// <summary>A CEL runtime error ("no such key", "division by zero", "no such overload").</summary>
internal sealed class CelError(string message) : Exception(message);

/// <summary>The evaluation went over its cost budget; never absorbed by <c>&amp;&amp;</c> or <c>||</c>.</summary>
internal sealed class CelCostExceeded() : Exception("the rule exceeded its cost budget");

internal sealed class CelNull
{
    public static CelNull Instance { get; } = new();

    private CelNull()
    {
    }
}

internal sealed class CelBytes(byte[] value)
{
    public byte[] Value { get; } = value;

    public override bool Equals(object? obj) => obj is CelBytes other && Value.AsSpan().SequenceEqual(other.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var b in Value)
        {
            hash.Add(b);
        }

        return hash.ToHashCode();
    }
}

/// <summary>A type value, as <c>type(x)</c> gives it.</summary>
internal sealed record CelType(string Name);

/// <summary>An <c>optional</c> value: empty, or holding a value.</summary>
internal sealed class CelOptional(object? value)
{
    public static CelOptional None { get; } = new(null);

    public object? Value { get; } = value;

    public bool HasValue => Value is not null;

    public override bool Equals(object? obj) => obj is CelOptional other && (HasValue ? other.HasValue && CelOperations.Equal(Value!, other.Value!) : !other.HasValue);

    public override int GetHashCode() => HasValue ? 1 : 0;
}

/// <summary>A CEL map: keys are ints, uints, bools or strings (1, 1u and 1.0 are the same key), in insertion order.</summary>
internal sealed class CelMap
{
    private readonly Dictionary<object, object> _entries = new(CelKeyComparer.Instance);
    private readonly List<object> _keys = [];

    public int Count => _keys.Count;

    public IReadOnlyList<object> Keys => _keys;

    /// <exception cref="CelError">The key is of a type a map cannot have, or is already there.</exception>
    public void Add(object key, object value)
    {
        if (key is not (long or ulong or bool or string))
        {
            throw new CelError($"unsupported key type: {CelOperations.TypeName(key)}");
        }

        if (!_entries.TryAdd(key, value))
        {
            throw new CelError($"Failed with repeated key: {CelOperations.Show(key)}");
        }

        _keys.Add(key);
    }

    public bool TryGet(object key, out object value)
    {
        if (key is double d)
        {
            // A double key finds an int or uint entry of the same value.
            if (Math.Floor(d) != d || double.IsInfinity(d))
            {
                value = null!;
                return false;
            }

            if (d >= long.MinValue && d < 9.2233720368547758E18 && _entries.TryGetValue((long)d, out value!))
            {
                return true;
            }

            return d is >= 0 and < 1.8446744073709552E19 ? _entries.TryGetValue((ulong)d, out value!) : (value = null!) is not null;
        }

        return _entries.TryGetValue(key, out value!);
    }
}

/// <summary>Map keys: ints and uints of the same value are the same key.</summary>
internal sealed class CelKeyComparer : IEqualityComparer<object>
{
    public static CelKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => (x, y) switch
    {
        (long a, ulong b) => a >= 0 && (ulong)a == b,
        (ulong a, long b) => b >= 0 && (ulong)b == a,
        _ => object.Equals(x, y),
    };

    public int GetHashCode(object obj) => obj switch
    {
        ulong u when u <= long.MaxValue => ((long)u).GetHashCode(),
        _ => obj.GetHashCode(),
    };
}

/// <summary>Equality, ordering and naming of CEL values, shared by the operators and the libraries.</summary>
internal static class CelOperations
{
    /// <summary>CEL's heterogeneous equality: numbers compare by value across int, uint and double; other types differ.</summary>
    public static bool Equal(object left, object right)
    {
        switch (left, right)
        {
            case (long or ulong or double, long or ulong or double):
                return CompareNumbers(left, right) == 0;
            case (IReadOnlyList<object> a, IReadOnlyList<object> b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!Equal(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (CelMap a, CelMap b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                foreach (var key in a.Keys)
                {
                    a.TryGet(key, out var value);
                    if (!b.TryGet(key, out var other) || !Equal(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return left.Equals(right);
        }
    }

    /// <summary>Orders two numbers of any numeric types; null when one is NaN (then no order holds).</summary>
    public static int? CompareNumbers(object left, object right)
    {
        switch (left, right)
        {
            case (long a, long b):
                return a.CompareTo(b);
            case (ulong a, ulong b):
                return a.CompareTo(b);
            case (long a, ulong b):
                return a < 0 ? -1 : ((ulong)a).CompareTo(b);
            case (ulong a, long b):
                return b < 0 ? 1 : a.CompareTo((ulong)b);
        }

        var x = ToDouble(left);
        var y = ToDouble(right);
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return null;
        }

        // A double beside an int compares exactly where the double is whole and in range.
        if (left is long l && y == Math.Floor(y) && y is >= -9.2233720368547758E18 and < 9.2233720368547758E18)
        {
            return l.CompareTo((long)y);
        }

        if (right is long r && x == Math.Floor(x) && x is >= -9.2233720368547758E18 and < 9.2233720368547758E18)
        {
            return ((long)x).CompareTo(r);
        }

        return x.CompareTo(y);
    }

    /// <summary>Orders two values of a type with an order; throws "no such overload" otherwise.</summary>
    public static int? Compare(object left, object right) => (left, right) switch
    {
        (long or ulong or double, long or ulong or double) => CompareNumbers(left, right),
        (string a, string b) => string.CompareOrdinal(a, b) switch { < 0 => -1, 0 => 0, _ => 1 },
        (bool a, bool b) => a.CompareTo(b),
        (CelBytes a, CelBytes b) => a.Value.AsSpan().SequenceCompareTo(b.Value),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (TimeSpan a, TimeSpan b) => a.CompareTo(b),
        (KubernetesQuantity a, KubernetesQuantity b) => a.CompareTo(b),
        _ => throw NoOverload("comparison", left, right),
    };

    public static double ToDouble(object number) => number switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => throw new CelError("no such overload"),
    };

    public static CelError NoOverload(string function, params object[] args) =>
        new($"no such overload: {function}({string.Join(", ", args.Select(TypeName))})");

    public static string TypeName(object value) => value switch
    {
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        CelBytes => "bytes",
        CelNull => "null_type",
        IReadOnlyList<object> => "list",
        CelMap => "map",
        DateTimeOffset => "google.protobuf.Timestamp",
        TimeSpan => "google.protobuf.Duration",
        CelType => "type",
        CelOptional => "optional_type",
        KubernetesQuantity => "kubernetes.Quantity",
        KubernetesIp => "net.IP",
        KubernetesCidr => "net.CIDR",
        KubernetesUrl => "kubernetes.URL",
        KubernetesFormat => "kubernetes.NamedFormat",
        _ => value.GetType().Name,
    };

    /// <summary>A value as a message shows it (a string in quotes), cut to a readable length.</summary>
    public static string Show(object value)
    {
        var text = value switch
        {
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            CelNull => "null",
            ulong u => u.ToString(System.Globalization.CultureInfo.InvariantCulture) + "u",
            IReadOnlyList<object> list => "[" + string.Join(", ", list.Take(10).Select(Show)) + (list.Count > 10 ? ", …" : string.Empty) + "]",
            CelMap map => "{" + string.Join(", ", map.Keys.Take(10).Select(k => { map.TryGet(k, out var v); return Show(k) + ": " + Show(v); })) + (map.Count > 10 ? ", …" : string.Empty) + "}",
            _ => CelStandardLibrary.ToCelString(value),
        };
        return text.Length > 120 ? text[..117] + "…" : text;
    }

    /// <summary>The number of Unicode code points of a string (CEL's size and indexes count code points, not UTF-16 units).</summary>
    public static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                count++;
            }
            else
            {
                count++;
                i++;
            }
        }

        return count;
    }

    /// <summary>A string as its code points, for the string functions that index by code point.</summary>
    public static int[] ToCodePoints(string text)
    {
        var points = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                points.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                points.Add(text[i]);
            }
        }

        return [.. points];
    }

    public static string FromCodePoints(ReadOnlySpan<int> points)
    {
        var builder = new StringBuilder(points.Length);
        foreach (var point in points)
        {
            if (point is >= 0xD800 and <= 0xDFFF)
            {
                builder.Append((char)point);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(point));
            }
        }

        return builder.ToString();
    }
}
