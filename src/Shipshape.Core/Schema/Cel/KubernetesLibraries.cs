using System.Globalization;
using System.Text;

namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// The libraries the Kubernetes API server adds to CEL for validation rules (k8s.io/apiserver/pkg/cel/library and
/// cel-go's ext): strings, lists, regex, url, ip and cidr, quantity, sets and named formats. Authorization and
/// everything that needs a cluster are left out. <see cref="Invoke"/> returns null when no function of these
/// libraries takes the arguments.
/// </summary>
internal static class KubernetesLibraries
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        // strings (cel-go ext, as Kubernetes enables it)
        "charAt", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "replace", "split", "substring", "trim", "join",
        "reverse", "strings.quote", "format",
        // lists
        "isSorted", "sum", "min", "max",
        // regex
        "find", "findAll",
        // url
        "url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery",
        // ip and cidr
        "ip", "isIP", "ip.isCanonical", "family", "isUnspecified", "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast",
        "isGlobalUnicast", "cidr", "isCIDR", "containsIP", "containsCIDR", "masked", "prefixLength",
        // quantity
        "quantity", "isQuantity", "isInteger", "asInteger", "asApproximateFloat", "sign", "add", "sub", "isGreaterThan",
        "isLessThan", "compareTo",
        // sets
        "sets.contains", "sets.equivalent", "sets.intersects",
        // format
        "format.named", "validate", "format.dns1123Label", "format.dns1123Subdomain", "format.dns1035Label",
        "format.qualifiedName", "format.dns1123LabelPrefix", "format.dns1123SubdomainPrefix", "format.dns1035LabelPrefix",
        "format.labelValue", "format.uri", "format.uuid", "format.byte", "format.date", "format.datetime",
    };

    public static bool IsKnown(string name) => Functions.Contains(name);

    public static object? Invoke(CelInterpreter interpreter, string name, object? target, object[] args)
    {
        if (name.StartsWith("format.", StringComparison.Ordinal) && target is null)
        {
            return name == "format.named"
                ? args is [string named] ? (KubernetesFormat.Named(named) is { } found ? new CelOptional(found) : CelOptional.None) : null
                : args.Length == 0 ? KubernetesFormat.Named(name["format.".Length..]) : null;
        }

        return target switch
        {
            null => Global(interpreter, name, args),
            string s => StringMember(interpreter, name, s, args),
            IReadOnlyList<object> list => ListMember(interpreter, name, list, args),
            KubernetesQuantity quantity => quantity.Invoke(name, args),
            KubernetesIp ip => ip.Invoke(name, args),
            KubernetesCidr cidr => cidr.Invoke(name, args),
            KubernetesUrl url => url.Invoke(name, args),
            KubernetesFormat format when name == "validate" && args is [string value] => format.Validate(value),
            _ => null,
        };
    }

    private static object? Global(CelInterpreter interpreter, string name, object[] args)
    {
        switch (name, args)
        {
            case ("quantity", [string text]):
                return KubernetesQuantity.Parse(text) ?? throw new CelError($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': \"{text}\"");
            case ("isQuantity", [string text]):
                return KubernetesQuantity.Parse(text) is not null;
            case ("ip", [string text]):
                return KubernetesIp.Parse(text) ?? throw new CelError($"IP Address '{text}' parse error during conversion from string");
            case ("isIP", [string text]):
                return KubernetesIp.Parse(text) is not null;
            case ("ip.isCanonical", [string text]):
                return KubernetesIp.Parse(text) is { } parsed ? parsed.ToString() == text : throw new CelError($"IP Address '{text}' parse error during conversion from string");
            case ("cidr", [string text]):
                return KubernetesCidr.Parse(text) ?? throw new CelError($"network address parse error during conversion from string: CIDR '{text}'");
            case ("isCIDR", [string text]):
                return KubernetesCidr.Parse(text) is not null;
            case ("url", [string text]):
                return KubernetesUrl.Parse(text) ?? throw new CelError($"URL parse error during conversion from string: '{text}'");
            case ("isURL", [string text]):
                return KubernetesUrl.Parse(text) is not null;
            case ("ip", [KubernetesCidr cidr]):
                return cidr.Address;
            case ("strings.quote", [string text]):
                return Quote(text);
            case ("sets.contains", [IReadOnlyList<object> list, IReadOnlyList<object> sublist]):
                interpreter.Spend(list.Count * sublist.Count / 10);
                return sublist.All(item => list.Any(candidate => CelOperations.Equal(candidate, item)));
            case ("sets.equivalent", [IReadOnlyList<object> a, IReadOnlyList<object> b]):
                interpreter.Spend(a.Count * b.Count / 10);
                return a.All(item => b.Any(candidate => CelOperations.Equal(candidate, item))) && b.All(item => a.Any(candidate => CelOperations.Equal(candidate, item)));
            case ("sets.intersects", [IReadOnlyList<object> a, IReadOnlyList<object> b]):
                interpreter.Spend(a.Count * b.Count / 10);
                return a.Any(item => b.Any(candidate => CelOperations.Equal(candidate, item)));
            case ("string", [KubernetesQuantity or KubernetesIp or KubernetesCidr or KubernetesUrl]):
                return args[0].ToString();
            default:
                return null;
        }
    }

    private static object? StringMember(CelInterpreter interpreter, string name, string text, object[] args)
    {
        interpreter.Spend(text.Length / 10);
        switch (name, args)
        {
            case ("charAt", [long index]):
            {
                var points = CelOperations.ToCodePoints(text);
                return index >= 0 && index <= points.Length
                    ? index == points.Length ? string.Empty : CelOperations.FromCodePoints(points.AsSpan((int)index, 1))
                    : throw new CelError($"index out of range: {index}");
            }

            case ("indexOf", [string part]):
                return IndexOf(text, part, 0, last: false);
            case ("indexOf", [string part, long offset]):
                return IndexOf(text, part, offset, last: false);
            case ("lastIndexOf", [string part]):
                return IndexOf(text, part, CelOperations.CodePoints(text), last: true);
            case ("lastIndexOf", [string part, long offset]):
                return IndexOf(text, part, offset, last: true);
            case ("lowerAscii", []):
                return string.Create(text.Length, text, (span, source) => { for (var i = 0; i < span.Length; i++) { span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i]; } });
            case ("upperAscii", []):
                return string.Create(text.Length, text, (span, source) => { for (var i = 0; i < span.Length; i++) { span[i] = char.IsAsciiLetterLower(source[i]) ? (char)(source[i] & ~0x20) : source[i]; } });
            case ("replace", [string from, string to]):
                return Replace(interpreter, text, from, to, -1);
            case ("replace", [string from, string to, long count]):
                return Replace(interpreter, text, from, to, count);
            case ("split", [string separator]):
                return Split(text, separator, -1);
            case ("split", [string separator, long count]):
                return Split(text, separator, count);
            case ("substring", [long start]):
                return Substring(text, start, null);
            case ("substring", [long start, long end]):
                return Substring(text, start, end);
            case ("trim", []):
                return text.Trim(WhiteSpace);
            case ("reverse", []):
            {
                var points = CelOperations.ToCodePoints(text);
                Array.Reverse(points);
                return CelOperations.FromCodePoints(points);
            }

            case ("format", [IReadOnlyList<object> values]):
                return CelFormatting.Format(interpreter, text, values);
            case ("find", [string pattern]):
            {
                var match = CelStandardLibrary.CompileRegex(pattern).Match(text);
                return match.Success ? match.Value : string.Empty;
            }

            case ("findAll", [string pattern]):
                return FindAll(text, pattern, -1);
            case ("findAll", [string pattern, long limit]):
                return FindAll(text, pattern, limit);
            default:
                return null;
        }
    }

    // Go's unicode.IsSpace, which strings.TrimSpace uses.
    private static readonly char[] WhiteSpace = ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    private static long IndexOf(string text, string part, long offset, bool last)
    {
        var points = CelOperations.ToCodePoints(text);
        var wanted = CelOperations.ToCodePoints(part);
        if (offset < 0 || offset > points.Length)
        {
            throw new CelError($"index out of range: {offset}");
        }

        if (last)
        {
            for (var i = (int)Math.Min(offset, points.Length - wanted.Length); i >= 0; i--)
            {
                if (points.AsSpan(i, wanted.Length).SequenceEqual(wanted))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = (int)offset; i + wanted.Length <= points.Length; i++)
        {
            if (points.AsSpan(i, wanted.Length).SequenceEqual(wanted))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Replace(CelInterpreter interpreter, string text, string from, string to, long count)
    {
        if (count == 0)
        {
            return text;
        }

        var builder = new StringBuilder();
        var position = 0;
        var replaced = 0L;
        while (count < 0 || replaced < count)
        {
            var found = from.Length == 0 ? (position <= text.Length ? position : -1) : text.IndexOf(from, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(text, position, found - position).Append(to);
            interpreter.Spend(to.Length / 10);
            replaced++;
            if (from.Length == 0)
            {
                if (found < text.Length)
                {
                    var step = char.IsHighSurrogate(text[found]) && found + 1 < text.Length ? 2 : 1;
                    builder.Append(text, found, step);
                    position = found + step;
                }
                else
                {
                    position = text.Length + 1;
                }
            }
            else
            {
                position = found + from.Length;
            }
        }

        if (position <= text.Length)
        {
            builder.Append(text, position, text.Length - position);
        }

        return builder.ToString();
    }

    private static List<object> Split(string text, string separator, long count)
    {
        if (count == 0)
        {
            return [];
        }

        if (separator.Length == 0)
        {
            var points = CelOperations.ToCodePoints(text);
            var pieces = new List<object>();
            for (var i = 0; i < points.Length; i++)
            {
                if (count > 0 && pieces.Count == count - 1)
                {
                    pieces.Add(CelOperations.FromCodePoints(points.AsSpan(i)));
                    return pieces;
                }

                pieces.Add(CelOperations.FromCodePoints(points.AsSpan(i, 1)));
            }

            return pieces;
        }

        var parts = count > 0 ? text.Split([separator], (int)Math.Min(count, int.MaxValue), StringSplitOptions.None) : text.Split([separator], StringSplitOptions.None);
        return [.. parts];
    }

    private static string Substring(string text, long start, long? end)
    {
        var points = CelOperations.ToCodePoints(text);
        var stop = end ?? points.Length;
        if (start < 0 || start > points.Length || stop < start || stop > points.Length)
        {
            throw new CelError($"index out of range: {(start < 0 || start > points.Length ? start : stop)}");
        }

        return CelOperations.FromCodePoints(points.AsSpan((int)start, (int)(stop - start)));
    }

    private static List<object> FindAll(string text, string pattern, long limit)
    {
        var found = new List<object>();
        if (limit == 0)
        {
            return found;
        }

        foreach (System.Text.RegularExpressions.Match match in CelStandardLibrary.CompileRegex(pattern).Matches(text))
        {
            found.Add(match.Value);
            if (limit > 0 && found.Count == limit)
            {
                break;
            }
        }

        return found;
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                '\\' => "\\\\",
                '"' => "\\\"",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static object? ListMember(CelInterpreter interpreter, string name, IReadOnlyList<object> list, object[] args)
    {
        interpreter.Spend(list.Count);
        switch (name, args)
        {
            case ("join", []):
                return Join(list, string.Empty);
            case ("join", [string separator]):
                return Join(list, separator);
            case ("indexOf", [var item]):
                for (var i = 0; i < list.Count; i++)
                {
                    if (CelOperations.Equal(list[i], item))
                    {
                        return (long)i;
                    }
                }

                return -1L;
            case ("lastIndexOf", [var item]):
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (CelOperations.Equal(list[i], item))
                    {
                        return (long)i;
                    }
                }

                return -1L;
            case ("isSorted", []):
                for (var i = 1; i < list.Count; i++)
                {
                    if (CelOperations.Compare(list[i - 1], list[i]) is > 0)
                    {
                        return false;
                    }
                }

                return true;
            case ("min" or "max", []):
            {
                if (list.Count == 0)
                {
                    throw new CelError($"{name} called on an empty list");
                }

                var best = list[0];
                foreach (var item in list)
                {
                    var order = CelOperations.Compare(item, best);
                    if (name == "min" ? order < 0 : order > 0)
                    {
                        best = item;
                    }
                }

                return best;
            }

            case ("sum", []):
            {
                object total = 0L;
                if (list.Count > 0)
                {
                    total = list[0] switch
                    {
                        ulong => 0UL,
                        double => 0.0,
                        TimeSpan => TimeSpan.Zero,
                        _ => 0L,
                    };
                }

                foreach (var item in list)
                {
                    total = CelStandardLibrary.Invoke(interpreter, "_+_", null, [total, item]);
                }

                return total;
            }

            default:
                return null;
        }
    }

    private static string Join(IReadOnlyList<object> list, string separator)
    {
        foreach (var item in list)
        {
            if (item is not string)
            {
                throw CelOperations.NoOverload("join", item);
            }
        }

        return string.Join(separator, list);
    }
}
