using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

using Shipshape.Core.Model;

namespace Shipshape.Core.Schema.Cel;

/// <summary>A resource.Quantity (<c>quantity('500m')</c>): its exact value and the text it was written as.</summary>
internal sealed class KubernetesQuantity : IComparable<KubernetesQuantity>
{
    private readonly string _text;

    private KubernetesQuantity(decimal value, string text)
    {
        Value = value;
        _text = text;
    }

    public decimal Value { get; }

    /// <summary>The quantity, or null when the text is not one (or is beyond what a decimal holds, as no real quantity is).</summary>
    public static KubernetesQuantity? Parse(string text) =>
        Quantities.IsValid(text) && Quantity.Parse(text) is { } value ? new KubernetesQuantity(value, text) : null;

    public int CompareTo(KubernetesQuantity? other) => Value.CompareTo(other!.Value);

    public override bool Equals(object? obj) => obj is KubernetesQuantity other && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => _text;

    public object? Invoke(string name, object[] args)
    {
        switch (name, args)
        {
            case ("isInteger", []):
                return Value == decimal.Truncate(Value) && Value is >= long.MinValue and <= long.MaxValue;
            case ("asInteger", []):
                return Value == decimal.Truncate(Value) && Value is >= long.MinValue and <= long.MaxValue
                    ? (long)Value
                    : throw new CelError($"cannot convert value to integer: {_text}");
            case ("asApproximateFloat", []):
                return (double)Value;
            case ("sign", []):
                return (long)Math.Sign(Value);
            case ("isGreaterThan", [KubernetesQuantity other]):
                return Value > other.Value;
            case ("isLessThan", [KubernetesQuantity other]):
                return Value < other.Value;
            case ("compareTo", [KubernetesQuantity other]):
                return (long)Value.CompareTo(other.Value);
            case ("add" or "sub", [KubernetesQuantity or long]):
                var operand = args[0] is KubernetesQuantity q ? q.Value : (long)args[0];
                var result = name == "add" ? Value + operand : Value - operand;
                return new KubernetesQuantity(result, result.ToString(CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }
}

/// <summary>An IP address as Kubernetes' ip library reads one: no zone, no IPv4-mapped IPv6 form, no leading zeros.</summary>
internal sealed class KubernetesIp(IPAddress address)
{
    public IPAddress Address { get; } = address;

    public static KubernetesIp? Parse(string text)
    {
        if (text.Contains('%') || text.Contains('/') || !IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            // .NET reads "1", "1.2" and "010.0.0.1" as IPv4 addresses; Go's netip (and so Kubernetes) does not.
            var parts = text.Split('.');
            if (parts.Length != 4 || parts.Any(p => p.Length == 0 || p.Length > 3 || (p.Length > 1 && p[0] == '0') || !p.All(char.IsAsciiDigit)))
            {
                return null;
            }
        }
        else if (address.IsIPv4MappedToIPv6 && text.Contains('.'))
        {
            return null;
        }

        return new KubernetesIp(address);
    }

    // ::ffff:192.168.0.1 is the same address as 192.168.0.1.
    public override bool Equals(object? obj) => obj is KubernetesIp other && Plain(Address).Equals(Plain(other.Address));

    public override int GetHashCode() => Plain(Address).GetHashCode();

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public override string ToString() => Address.ToString();

    public object? Invoke(string name, object[] args)
    {
        var bytes = Address.GetAddressBytes();
        var v4 = Address.AddressFamily == AddressFamily.InterNetwork;
        return (name, args.Length) switch
        {
            ("family", 0) => v4 ? 4L : 6L,
            ("isUnspecified", 0) => bytes.All(b => b == 0),
            ("isLoopback", 0) => IPAddress.IsLoopback(Address),
            ("isLinkLocalMulticast", 0) => v4 ? bytes[0] == 224 && bytes[1] == 0 && bytes[2] == 0 : bytes[0] == 0xff && (bytes[1] & 0x0f) == 0x02,
            ("isLinkLocalUnicast", 0) => v4 ? bytes[0] == 169 && bytes[1] == 254 : bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80,
            ("isGlobalUnicast", 0) => IsGlobalUnicast(bytes, v4),
            _ => null,
        };
    }

    private bool IsGlobalUnicast(byte[] bytes, bool v4)
    {
        if (bytes.All(b => b == 0) || IPAddress.IsLoopback(Address))
        {
            return false;
        }

        if (v4)
        {
            return !(bytes[0] >= 224 || (bytes[0] == 169 && bytes[1] == 254) || bytes.All(b => b == 255));
        }

        return bytes[0] != 0xff && !(bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80);
    }
}

/// <summary>A CIDR (<c>cidr('10.0.0.0/8')</c>): an address and a prefix length.</summary>
internal sealed class KubernetesCidr(KubernetesIp address, int prefixLength)
{
    public KubernetesIp Address { get; } = address;

    public int PrefixLength { get; } = prefixLength;

    public static KubernetesCidr? Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || KubernetesIp.Parse(text[..slash]) is not { } address
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || (text.Length > slash + 2 && text[slash + 1] == '0')
            || prefix > address.Address.GetAddressBytes().Length * 8)
        {
            return null;
        }

        return new KubernetesCidr(address, prefix);
    }

    public override bool Equals(object? obj) => obj is KubernetesCidr other && Address.Equals(other.Address) && PrefixLength == other.PrefixLength;

    public override int GetHashCode() => HashCode.Combine(Address, PrefixLength);

    public override string ToString() => $"{Address}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    public object? Invoke(string name, object[] args)
    {
        switch (name, args)
        {
            case ("ip", []):
                return Address;
            case ("prefixLength", []):
                return (long)PrefixLength;
            case ("masked", []):
                return new KubernetesCidr(new KubernetesIp(new IPAddress(Mask(Address.Address.GetAddressBytes(), PrefixLength))), PrefixLength);
            case ("containsIP", [KubernetesIp or string]):
                var ip = args[0] as KubernetesIp ?? KubernetesIp.Parse((string)args[0]) ?? throw new CelError($"IP Address '{args[0]}' parse error during conversion from string");
                return Contains(ip, PrefixLength);
            case ("containsCIDR", [KubernetesCidr or string]):
                var other = args[0] as KubernetesCidr ?? Parse((string)args[0]) ?? throw new CelError($"network address parse error during conversion from string: CIDR '{args[0]}'");
                return other.PrefixLength >= PrefixLength && Contains(other.Address, PrefixLength);
            default:
                return null;
        }
    }

    private bool Contains(KubernetesIp ip, int prefix)
    {
        var mine = Address.Address.GetAddressBytes();
        var theirs = ip.Address.GetAddressBytes();
        return mine.Length == theirs.Length && Mask(mine, prefix).AsSpan().SequenceEqual(Mask(theirs, prefix));
    }

    private static byte[] Mask(byte[] bytes, int prefix)
    {
        var masked = (byte[])bytes.Clone();
        for (var i = 0; i < masked.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            masked[i] &= (byte)(0xff << (8 - bits));
        }

        return masked;
    }
}

/// <summary>A URL (<c>url('https://example.com/path')</c>): an absolute URI or an absolute path, as Go's url.ParseRequestURI reads it.</summary>
internal sealed class KubernetesUrl
{
    private static readonly Regex Shape = new(@"^(?:(?<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?://(?:[^@/?#]*@)?(?<host>\[[^\]]*\]|[^:/?#]*)(?::(?<port>[0-9]*))?)?)?(?<path>[^?#]*)(?:\?(?<query>[^#]*))?$", RegexOptions.CultureInvariant);

    private readonly string _text;
    private readonly Match _match;

    private KubernetesUrl(string text, Match match)
    {
        _text = text;
        _match = match;
    }

    public static KubernetesUrl? Parse(string text)
    {
        var match = Shape.Match(text);
        if (!match.Success || text.Contains(' ') || (!match.Groups["scheme"].Success && !text.StartsWith('/')))
        {
            return null;
        }

        return new KubernetesUrl(text, match);
    }

    public override bool Equals(object? obj) => obj is KubernetesUrl other && other._text == _text;

    public override int GetHashCode() => _text.GetHashCode();

    public override string ToString() => _text;

    public object? Invoke(string name, object[] args)
    {
        if (args.Length != 0)
        {
            return null;
        }

        var host = _match.Groups["host"].Value;
        return name switch
        {
            "getScheme" => _match.Groups["scheme"].Value,
            "getHost" => _match.Groups["port"].Success ? host + ":" + _match.Groups["port"].Value : host,
            "getHostname" => host.StartsWith('[') ? host[1..^1] : host,
            "getPort" => _match.Groups["port"].Value,
            "getEscapedPath" => _match.Groups["path"].Value,
            "getQuery" => Query(_match.Groups["query"].Value),
            _ => null,
        };
    }

    private static CelMap Query(string query)
    {
        var values = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
                order.Add(key);
            }

            list.Add(value);
        }

        var map = new CelMap();
        foreach (var key in order)
        {
            map.Add(key, values[key]);
        }

        return map;
    }
}

/// <summary>A named format of Kubernetes' format library (<c>format.dns1123Label().validate(self)</c>).</summary>
internal sealed class KubernetesFormat
{
    private static readonly string Dns1123Label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static readonly string Dns1035Label = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static readonly string Dns1123Subdomain = Dns1123Label + @"(\." + Dns1123Label + ")*";

    private readonly Func<string, string?> _check;

    private KubernetesFormat(Func<string, string?> check)
    {
        _check = check;
    }

    public static KubernetesFormat? Named(string name) => name switch
    {
        "dns1123Label" => new(v => Shaped(v, Dns1123Label, 63, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character")),
        "dns1123LabelPrefix" => new(v => Shaped(v.TrimEnd('-'), Dns1123Label, 63, "a lowercase RFC 1123 label prefix must consist of lower case alphanumeric characters or '-', and must start with an alphanumeric character")),
        "dns1123Subdomain" => new(v => Shaped(v, Dns1123Subdomain, 253, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character")),
        "dns1123SubdomainPrefix" => new(v => Shaped(v.TrimEnd('-', '.'), Dns1123Subdomain, 253, "a lowercase RFC 1123 subdomain prefix must consist of lower case alphanumeric characters, '-' or '.', and must start with an alphanumeric character")),
        "dns1035Label" => new(v => Shaped(v, Dns1035Label, 63, "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character")),
        "dns1035LabelPrefix" => new(v => Shaped(v.TrimEnd('-'), Dns1035Label, 63, "a DNS-1035 label prefix must consist of lower case alphanumeric characters or '-', and must start with an alphabetic character")),
        "qualifiedName" => new(QualifiedName),
        "labelValue" => new(v => v.Length == 0 ? null : Shaped(v, "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", 63, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")),
        "uri" => new(v => KubernetesUrl.Parse(v) is null ? "invalid URI" : null),
        "uuid" => new(v => Regex.IsMatch(v, "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$") ? null : "does not match the UUID format"),
        "byte" => new(v => IsBase64(v) ? null : "invalid base64"),
        "date" => new(v => DateTime.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "invalid date"),
        "datetime" => new(v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && v.Contains('T', StringComparison.OrdinalIgnoreCase) ? null : "invalid datetime"),
        _ => null,
    };

    /// <summary>validate(value): none when the value has the format, else a list of what is wrong.</summary>
    public CelOptional Validate(string value) => _check(value) is { } problem ? new CelOptional(new List<object> { problem }) : CelOptional.None;

    private static string? Shaped(string value, string pattern, int maxLength, string problem)
    {
        if (value.Length > maxLength)
        {
            return $"must be no more than {maxLength} characters";
        }

        return Regex.IsMatch(value, "^" + pattern + "$", RegexOptions.CultureInvariant) ? null : problem;
    }

    private static string? QualifiedName(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'";
        }

        if (parts.Length == 2 && Shaped(parts[0], Dns1123Subdomain, 253, "prefix part must be a lowercase RFC 1123 subdomain") is { } prefixProblem)
        {
            return prefixProblem;
        }

        var name = parts[^1];
        return name.Length == 0 ? "name part must be non-empty"
            : Shaped(name, "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]", 63, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
    }

    private static bool IsBase64(string value)
    {
        try
        {
            _ = Convert.FromBase64String(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
