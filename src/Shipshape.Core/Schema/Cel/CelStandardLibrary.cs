using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// CEL's standard definitions (operators, size, conversions, string tests, timestamps and durations, the optional
/// library) with overflow-checked integer arithmetic; other libraries are reached through
/// <see cref="KubernetesLibraries"/>. Functions are dispatched by name, then by the types of their arguments.
/// </summary>
internal static class CelStandardLibrary
{
    /// <summary>Time limit of one regular expression match; RE2 (cel-go) is linear, .NET's backtracking engine is not.</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const int MaxCachedPatterns = 1024;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

        private static readonly HashSet<string> StandardFunctions = new(StringComparer.Ordinal)
    {
        "_+_", "_-_", "_*_", "_/_", "_%_", "-_", "!_", "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "@in", "_[_]", "_[?_]",
        "size", "contains", "startsWith", "endsWith", "matches", "int", "uint", "double", "string", "bytes", "bool", "dyn",
        "type", "timestamp", "duration", "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek",
        "getDayOfYear", "getHours", "getMinutes", "getSeconds", "getMilliseconds", "optional.of", "optional.none",
        "optional.ofNonZeroValue", "hasValue", "value", "orValue", "or",
    };

    /// <summary>Whether a function of this name exists (in any library), for the compile-time check of a rule.</summary>
    public static bool IsKnown(string name) => StandardFunctions.Contains(name) || KubernetesLibraries.IsKnown(name);

    /// <summary>The type named by a bare identifier (<c>int</c>, <c>string</c>, …), or null.</summary>
    public static CelType? TypeNamed(string name) => name switch
    {
        "int" or "uint" or "double" or "bool" or "string" or "bytes" or "list" or "map" or "null_type" or "type" => new CelType(name),
        "google.protobuf.Timestamp" or "google.protobuf.Duration" or "optional_type" or "net.IP" or "net.CIDR" or "kubernetes.Quantity"
            or "kubernetes.URL" or "kubernetes.NamedFormat" => new CelType(name),
        _ => null,
    };

    public static object Invoke(CelInterpreter interpreter, string name, object? target, object[] args)
    {
        if (target is null)
        {
            switch (name, args.Length)
            {
                case ("_+_", 2): return Add(interpreter, args[0], args[1]);
                case ("_-_", 2): return Subtract(args[0], args[1]);
                case ("_*_", 2): return Multiply(args[0], args[1]);
                case ("_/_", 2): return Divide(args[0], args[1]);
                case ("_%_", 2): return Modulo(args[0], args[1]);
                case ("-_", 1): return Negate(args[0]);
                case ("!_", 1): return args[0] is bool b ? !b : throw CelOperations.NoOverload("!_", args[0]);
                case ("_==_", 2): return Equal(interpreter, args[0], args[1]);
                case ("_!=_", 2): return !Equal(interpreter, args[0], args[1]);
                case ("_<_", 2): return CelOperations.Compare(args[0], args[1]) is { } lt && lt < 0;
                case ("_<=_", 2): return CelOperations.Compare(args[0], args[1]) is { } le && le <= 0;
                case ("_>_", 2): return CelOperations.Compare(args[0], args[1]) is { } gt && gt > 0;
                case ("_>=_", 2): return CelOperations.Compare(args[0], args[1]) is { } ge && ge >= 0;
                case ("@in", 2): return In(interpreter, args[0], args[1]);
                case ("_[_]", 2): return Index(args[0], args[1]);
                case ("_[?_]", 2): return OptionalIndex(args[0], args[1]);
                case ("size", 1): return Size(args[0]);
                case ("matches", 2): return Matches(interpreter, args[0], args[1]);
                case ("int", 1): return ToInt(args[0]);
                case ("uint", 1): return ToUint(args[0]);
                case ("double", 1): return ToDouble(args[0]);
                case ("string", 1): return args[0] is CelBytes utf8 ? DecodeUtf8(utf8) : ToCelString(args[0]);
                case ("bytes", 1): return args[0] switch { CelBytes already => already, string s => new CelBytes(Encoding.UTF8.GetBytes(s)), _ => throw CelOperations.NoOverload("bytes", args[0]) };
                case ("bool", 1): return ToBool(args[0]);
                case ("dyn", 1): return args[0];
                case ("type", 1): return new CelType(TypeOf(args[0]));
                case ("timestamp", 1): return ToTimestamp(args[0]);
                case ("duration", 1): return ToDuration(args[0]);
                case ("optional.of", 1): return new CelOptional(args[0]);
                case ("optional.none", 0): return CelOptional.None;
                case ("optional.ofNonZeroValue", 1): return IsZero(args[0]) ? CelOptional.None : new CelOptional(args[0]);
            }
        }
        else
        {
            switch (name, args.Length, target)
            {
                case ("size", 0, _): return Size(target);
                case ("contains", 1, string s) when args[0] is string part:
                    interpreter.Spend((s.Length + part.Length) / 10);
                    return s.Contains(part, StringComparison.Ordinal);
                case ("startsWith", 1, string s) when args[0] is string prefix: return s.StartsWith(prefix, StringComparison.Ordinal);
                case ("endsWith", 1, string s) when args[0] is string suffix: return s.EndsWith(suffix, StringComparison.Ordinal);
                case ("matches", 1, _): return Matches(interpreter, target, args[0]);
                case ("hasValue", 0, CelOptional o): return o.HasValue;
                case ("value", 0, CelOptional o): return o.HasValue ? o.Value! : throw new CelError("optional.none() dereference");
                case ("orValue", 1, CelOptional o): return o.HasValue ? o.Value! : args[0];
                case ("or", 1, CelOptional o): return o.HasValue ? o : args[0] as CelOptional ?? throw CelOperations.NoOverload("or", args[0]);
                case ("getFullYear" or "getMonth" or "getDate" or "getDayOfMonth" or "getDayOfWeek" or "getDayOfYear" or "getHours"
                    or "getMinutes" or "getSeconds" or "getMilliseconds", 0 or 1, DateTimeOffset time):
                    return TimestampPart(name, time, args.Length == 1 ? args[0] : null);
                case ("getHours" or "getMinutes" or "getSeconds" or "getMilliseconds", 0, TimeSpan span):
                    return DurationPart(name, span);
            }
        }

        return KubernetesLibraries.Invoke(interpreter, name, target, args)
            ?? throw (IsKnown(name) ? CelOperations.NoOverload(name, target is null ? args : [target, .. args]) : new CelError($"unbound function: {name}"));
    }

    private static bool Equal(CelInterpreter interpreter, object left, object right)
    {
        if (left is IReadOnlyList<object> list)
        {
            interpreter.Spend(list.Count);
        }

        return CelOperations.Equal(left, right);
    }

    private static object Add(CelInterpreter interpreter, object left, object right)
    {
        switch (left, right)
        {
            case (long a, long b):
                return Checked(() => checked(a + b));
            case (ulong a, ulong b):
                return Checked(() => checked(a + b));
            case (double a, double b):
                return a + b;
            case (string a, string b):
                interpreter.Spend((a.Length + b.Length) / 10);
                return a + b;
            case (CelBytes a, CelBytes b):
                interpreter.Spend((a.Value.Length + b.Value.Length) / 10);
                return new CelBytes([.. a.Value, .. b.Value]);
            case (IReadOnlyList<object> a, IReadOnlyList<object> b):
                interpreter.Spend((a.Count + b.Count) / 10);
                return new List<object>(a.Concat(b));
            case (DateTimeOffset a, TimeSpan b):
                return CheckTimestamp(() => a + b);
            case (TimeSpan a, DateTimeOffset b):
                return CheckTimestamp(() => b + a);
            case (TimeSpan a, TimeSpan b):
                return CheckDuration(Checked(() => a + b));
            default:
                throw CelOperations.NoOverload("_+_", left, right);
        }
    }

    private static object Subtract(object left, object right) => (left, right) switch
    {
        (long a, long b) => Checked(() => checked(a - b)),
        (ulong a, ulong b) => Checked(() => checked(a - b)),
        (double a, double b) => a - b,
        (DateTimeOffset a, DateTimeOffset b) => CheckDuration(a - b),
        (DateTimeOffset a, TimeSpan b) => CheckTimestamp(() => a - b),
        (TimeSpan a, TimeSpan b) => CheckDuration(Checked(() => a - b)),
        _ => throw CelOperations.NoOverload("_-_", left, right),
    };

    private static object Multiply(object left, object right) => (left, right) switch
    {
        (long a, long b) => (object)Checked(() => checked(a * b)),
        (ulong a, ulong b) => Checked(() => checked(a * b)),
        (double a, double b) => a * b,
        _ => throw CelOperations.NoOverload("_*_", left, right),
    };

    private static object Divide(object left, object right) => (left, right) switch
    {
        (long, 0L) or (ulong, 0UL) => throw new CelError("division by zero"),
        (long a, long b) => a == long.MinValue && b == -1 ? throw new CelError("return error for overflow") : (object)(a / b),
        (ulong a, ulong b) => a / b,
        (double a, double b) => a / b,
        _ => throw CelOperations.NoOverload("_/_", left, right),
    };

    private static object Modulo(object left, object right) => (left, right) switch
    {
        (long, 0L) or (ulong, 0UL) => throw new CelError("modulus by zero"),
        (long a, long b) => a == long.MinValue && b == -1 ? throw new CelError("return error for overflow") : a % b,
        (ulong a, ulong b) => a % b,
        _ => throw CelOperations.NoOverload("_%_", left, right),
    };

    private static object Negate(object value) => value switch
    {
        long l => l == long.MinValue ? throw new CelError("return error for overflow") : -l,
        double d => -d,
        TimeSpan t => Checked(() => t.Negate()),
        _ => throw CelOperations.NoOverload("-_", value),
    };

    private static T Checked<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            throw new CelError("return error for overflow");
        }
    }

    /// <summary>cel-go's durations are Go's time.Duration: int64 nanoseconds, about ±292 years.</summary>
    private static TimeSpan CheckDuration(TimeSpan span) =>
        span.Ticks is >= long.MinValue / 100 and <= long.MaxValue / 100 ? span : throw new CelError("duration out of range");

    private static DateTimeOffset CheckTimestamp(Func<DateTimeOffset> operation)
    {
        try
        {
            return operation();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CelError("timestamp out of range");
        }
    }

    private static bool In(CelInterpreter interpreter, object element, object container)
    {
        switch (container)
        {
            case IReadOnlyList<object> list:
                interpreter.Spend(list.Count);
                foreach (var item in list)
                {
                    if (CelOperations.Equal(item, element))
                    {
                        return true;
                    }
                }

                return false;
            case CelMap map:
                return map.TryGet(element, out _);
            default:
                throw CelOperations.NoOverload("@in", element, container);
        }
    }

    private static object Index(object container, object index)
    {
        switch (container)
        {
            case IReadOnlyList<object> list:
                var position = index switch
                {
                    long l => l,
                    ulong u when u <= long.MaxValue => (long)u,
                    double d when d == Math.Floor(d) && d is >= -9.2233720368547758E18 and < 9.2233720368547758E18 => (long)d,
                    double => throw new CelError("unsupported index value"),
                    _ => throw CelOperations.NoOverload("_[_]", container, index),
                };
                return position >= 0 && position < list.Count ? list[(int)position] : throw new CelError($"index out of bounds: {position}");
            case CelMap map:
                if (index is not (long or ulong or double or bool or string))
                {
                    throw CelOperations.NoOverload("_[_]", container, index);
                }

                return map.TryGet(index, out var value) ? value : throw new CelError($"no such key: {CelOperations.Show(index)}");
            case CelOptional optional:
                return optional.HasValue ? OptionalIndex(optional.Value!, index) : CelOptional.None;
            default:
                throw CelOperations.NoOverload("_[_]", container, index);
        }
    }

    private static object OptionalIndex(object container, object index)
    {
        switch (container)
        {
            case CelOptional optional:
                return optional.HasValue ? OptionalIndex(optional.Value!, index) : CelOptional.None;
            case CelMap map:
                return map.TryGet(index, out var value) ? new CelOptional(value) : CelOptional.None;
            case IReadOnlyList<object> list when index is long l:
                return l >= 0 && l < list.Count ? new CelOptional(list[(int)l]) : CelOptional.None;
            default:
                throw CelOperations.NoOverload("_[?_]", container, index);
        }
    }

    private static long Size(object value) => value switch
    {
        string s => (long)CelOperations.CodePoints(s),
        CelBytes b => (long)b.Value.Length,
        IReadOnlyList<object> list => (long)list.Count,
        CelMap map => (long)map.Count,
        _ => throw CelOperations.NoOverload("size", value),
    };

    private static bool Matches(CelInterpreter interpreter, object text, object pattern)
    {
        if (text is not string s || pattern is not string p)
        {
            throw CelOperations.NoOverload("matches", text, pattern);
        }

        interpreter.Spend(s.Length / 10 * Math.Max(1, p.Length / 10));
        return CompileRegex(p).IsMatch(s);
    }

    /// <exception cref="CelError">The pattern is not a regular expression .NET can read.</exception>
    public static Regex CompileRegex(string pattern)
    {
        // Patterns are constants of a few rules: each is built once, not on every value (bounded, in case they are not).
        if (Patterns.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            if (Patterns.Count < MaxCachedPatterns)
            {
                Patterns.TryAdd(pattern, regex);
            }

            return regex;
        }
        catch (ArgumentException exception)
        {
            throw new CelError($"invalid regular expression '{pattern}': {exception.Message}");
        }
    }

    private static long ToInt(object value) => value switch
    {
        long l => l,
        ulong u => u <= long.MaxValue ? (long)u : throw new CelError("range error converting uint to int"),
        double d => d is > -9.2233720368547758E18 and < 9.2233720368547758E18 ? (long)d : throw new CelError("range error converting double to int"),
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new CelError($"cannot convert \"{s}\" to int"),
        bool b => b ? 1 : 0,
        DateTimeOffset t => t.ToUnixTimeSeconds(),
        _ => throw CelOperations.NoOverload("int", value),
    };

    private static ulong ToUint(object value) => value switch
    {
        ulong u => u,
        long l => l >= 0 ? (ulong)l : throw new CelError("range error converting int to uint"),
        double d => d is > -1 and < 1.8446744073709552E19 ? (ulong)d : throw new CelError("range error converting double to uint"),
        string s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new CelError($"cannot convert \"{s}\" to uint"),
        bool b => b ? 1UL : 0UL,
        _ => throw CelOperations.NoOverload("uint", value),
    };

    private static double ToDouble(object value) => value switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        string s => ParseDouble(s),
        _ => throw CelOperations.NoOverload("double", value),
    };

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "+Infinity" or "inf" or "+inf" => double.PositiveInfinity,
        "-Infinity" or "-inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new CelError($"cannot convert \"{text}\" to double"),
    };

    private static bool ToBool(object value) => value switch
    {
        bool b => b,
        string s => s switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw new CelError($"cannot convert \"{s}\" to bool"),
        },
        _ => throw CelOperations.NoOverload("bool", value),
    };

    private static string DecodeUtf8(CelBytes bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes.Value);
        }
        catch (DecoderFallbackException)
        {
            throw new CelError("invalid UTF-8 in bytes, cannot convert to string");
        }
    }

    /// <summary>string(x): how CEL writes a value as text.</summary>
    public static string ToCelString(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        DateTimeOffset t => FormatTimestamp(t),
        TimeSpan t => FormatDuration(t),
        CelType t => t.Name,
        CelNull => "null",
        KubernetesQuantity or KubernetesIp or KubernetesCidr or KubernetesUrl => value.ToString()!,
        _ => throw CelOperations.NoOverload("string", value),
    };

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "+Inf" : "-Inf";
        }

        // Go's strconv.FormatFloat(d, 'g', -1, 64) as cel-go writes doubles: exponent form from 1e21 up.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    private static string FormatTimestamp(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        var text = utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return fraction == 0 ? text + "Z" : text + "." + (fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }

    private static string FormatDuration(TimeSpan span)
    {
        var seconds = span.Ticks / TimeSpan.TicksPerSecond;
        var fraction = Math.Abs(span.Ticks % TimeSpan.TicksPerSecond);
        var sign = span.Ticks < 0 && seconds == 0 ? "-" : string.Empty;
        return fraction == 0
            ? seconds.ToString(CultureInfo.InvariantCulture) + "s"
            : sign + seconds.ToString(CultureInfo.InvariantCulture) + "." + (fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0') + "s";
    }

    private static string TypeOf(object value) => value switch
    {
        CelType => "type",
        _ => CelOperations.TypeName(value),
    };

    private static bool IsZero(object value) => value switch
    {
        bool b => !b,
        long l => l == 0,
        ulong u => u == 0,
        double d => d == 0,
        string s => s.Length == 0,
        CelBytes b => b.Value.Length == 0,
        IReadOnlyList<object> list => list.Count == 0,
        CelMap map => map.Count == 0,
        CelNull => true,
        DateTimeOffset t => t == DateTimeOffset.FromUnixTimeSeconds(0),
        TimeSpan t => t == TimeSpan.Zero,
        _ => false,
    };

    private static DateTimeOffset ToTimestamp(object value)
    {
        switch (value)
        {
            case DateTimeOffset t:
                return t;
            case long seconds:
                return seconds is >= -62135596800 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : throw new CelError("timestamp out of range");
            case string text:
                // RFC 3339; .NET reads at most seven fraction digits, CEL writes up to nine.
                var trimmed = Regex.Replace(text, @"(\.\d{7})\d+", "$1");
                if (!Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
                    || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    throw new CelError($"cannot parse \"{text}\" as a timestamp");
                }

                return parsed.ToUniversalTime();
            default:
                throw CelOperations.NoOverload("timestamp", value);
        }
    }

    /// <summary>Go's duration syntax: a sign, then numbers with units h, m, s, ms, us (µs), ns: "1h30m", "-1.5s".</summary>
    internal static TimeSpan ToDuration(object value)
    {
        if (value is TimeSpan span)
        {
            return span;
        }

        if (value is not string text)
        {
            throw CelOperations.NoOverload("duration", value);
        }

        var match = Regex.Match(text, @"^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:h|m|s|ms|us|µs|ns))+$");
        if (text == "0" || text is "+0" or "-0")
        {
            return TimeSpan.Zero;
        }

        if (!match.Success)
        {
            throw new CelError($"cannot parse \"{text}\" as a duration");
        }

        decimal nanoseconds = 0;
        foreach (Capture part in match.Groups[2].Captures)
        {
            var unitStart = part.Value.IndexOfAny(['h', 'm', 's', 'u', 'µ', 'n']);
            var number = decimal.Parse(part.Value[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            nanoseconds += number * part.Value[unitStart..] switch
            {
                "h" => 3_600_000_000_000m,
                "m" => 60_000_000_000m,
                "s" => 1_000_000_000m,
                "ms" => 1_000_000m,
                "us" or "µs" => 1_000m,
                _ => 1m,
            };
        }

        if (nanoseconds > long.MaxValue)
        {
            throw new CelError("duration out of range");
        }

        var ticks = (long)(nanoseconds / 100);
        return match.Groups[1].Value == "-" ? TimeSpan.FromTicks(-ticks) : TimeSpan.FromTicks(ticks);
    }

    private static long TimestampPart(string part, DateTimeOffset time, object? zone)
    {
        var local = zone switch
        {
            null => time.ToUniversalTime(),
            string name => InZone(time, name),
            _ => throw CelOperations.NoOverload(part, time, zone),
        };
        return part switch
        {
            "getFullYear" => local.Year,
            "getMonth" => local.Month - 1,
            "getDate" => local.Day,
            "getDayOfMonth" => local.Day - 1,
            "getDayOfWeek" => (long)local.DayOfWeek,
            "getDayOfYear" => local.DayOfYear - 1,
            "getHours" => local.Hour,
            "getMinutes" => local.Minute,
            "getSeconds" => local.Second,
            _ => local.Millisecond,
        };
    }

    private static DateTimeOffset InZone(DateTimeOffset time, string zone)
    {
        var offset = Regex.Match(zone, @"^([+-]?)(\d{1,2}):(\d{2})$");
        if (offset.Success)
        {
            var span = new TimeSpan(int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(offset.Groups[3].Value, CultureInfo.InvariantCulture), 0);
            return time.ToOffset(offset.Groups[1].Value == "-" ? span.Negate() : span);
        }

        try
        {
            return TimeZoneInfo.ConvertTime(time, TimeZoneInfo.FindSystemTimeZoneById(zone));
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CelError($"unknown time zone '{zone}'");
        }
    }

    private static long DurationPart(string part, TimeSpan span) => part switch
    {
        "getHours" => (long)span.TotalHours,
        "getMinutes" => (long)span.TotalMinutes,
        "getSeconds" => (long)span.TotalSeconds,
        _ => (long)span.TotalMilliseconds,
    };
}
