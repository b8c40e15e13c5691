using System.Globalization;

namespace Shipshape.Core.Syntax;

/// <summary>What a scalar resolves to, following the YAML 1.1 rules that Kubernetes' own YAML reader applies.</summary>
public enum ScalarKind : byte
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

public sealed class ScalarNode : Node
{
    internal ScalarNode(string value, bool isPlain, SourceSpan span, string? tag)
        : base(span, tag)
    {
        Value = value;
        IsPlain = isPlain;
        Kind = ScalarResolver.Resolve(value, isPlain, tag);
    }

    /// <summary>The scalar's text after YAML unescaping and folding.</summary>
    public string Value { get; }

    /// <summary>True when the scalar was written without quotes or block indicators.</summary>
    public bool IsPlain { get; }

    public ScalarKind Kind { get; }

    public bool IsNull => Kind == ScalarKind.Null;

    public override string ShapeName => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer => "integer",
        ScalarKind.Float => "number",
        _ => "string",
    };

    /// <summary>The integer value, when the scalar resolves to an integer that fits in 64 bits.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind == ScalarKind.Integer && ScalarResolver.TryParseInteger(Value, out value);
    }

    public bool TryGetBoolean(out bool value)
    {
        value = false;
        return Kind == ScalarKind.Boolean && ScalarResolver.TryParseBoolean(Value, out value);
    }

    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (Kind == ScalarKind.Integer && ScalarResolver.TryParseInteger(Value, out var integer))
        {
            value = integer;
            return true;
        }

        return Kind == ScalarKind.Float && ScalarResolver.TryParseFloat(Value, out value);
    }

    public override string ToString() => Value;
}

/// <summary>
/// Resolves plain scalars to null, boolean, integer, float or string. Kubernetes reads YAML with
/// go-yaml's YAML 1.1 rules, so <c>yes</c>, <c>on</c> and <c>off</c> are booleans there, and so they are here.
/// </summary>
internal static class ScalarResolver
{
    public static ScalarKind Resolve(string value, bool isPlain, string? tag)
    {
        switch (tag)
        {
            case "tag:yaml.org,2002:str" or "!!str":
                return ScalarKind.String;
            case "tag:yaml.org,2002:int" or "!!int":
                return ScalarKind.Integer;
            case "tag:yaml.org,2002:float" or "!!float":
                return ScalarKind.Float;
            case "tag:yaml.org,2002:bool" or "!!bool":
                return ScalarKind.Boolean;
            case "tag:yaml.org,2002:null" or "!!null":
                return ScalarKind.Null;
        }

        if (!isPlain)
        {
            return ScalarKind.String;
        }

        if (value.Length == 0 || value is "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (TryParseBoolean(value, out _))
        {
            return ScalarKind.Boolean;
        }

        if (TryParseInteger(value, out _))
        {
            return ScalarKind.Integer;
        }

        return LooksLikeFloat(value) ? ScalarKind.Float : ScalarKind.String;
    }

    public static bool TryParseBoolean(string value, out bool result)
    {
        switch (value)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                result = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    public static bool TryParseInteger(string value, out long result)
    {
        result = 0;
        if (value.Length == 0 || value.Length > 64)
        {
            return false;
        }

        var text = value.AsSpan();
        var negative = false;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text.Length == 0)
        {
            return false;
        }

        if (text.StartsWith("0x") || text.StartsWith("0X"))
        {
            if (!long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result))
            {
                return false;
            }
        }
        else if (text.StartsWith("0o"))
        {
            if (!TryParseOctal(text[2..], out result))
            {
                return false;
            }
        }
        else if (text.Length > 1 && text[0] == '0' && IsAllDigits(text))
        {
            // YAML 1.1 reads 0755 as octal, which is what a file mode like defaultMode: 0644 relies on.
            if (!TryParseOctal(text[1..], out result))
            {
                return false;
            }
        }
        else if (!IsAllDigits(text) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out result))
        {
            return false;
        }

        if (negative)
        {
            result = -result;
        }

        return true;
    }

    public static bool TryParseFloat(string value, out double result)
    {
        switch (value)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                result = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                result = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                result = double.NaN;
                return true;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    private static bool LooksLikeFloat(string value)
    {
        if (value is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        // A float needs a digit and only the characters of a decimal number, so that versions like "1.2.3" stay strings.
        var digits = 0;
        var dots = 0;
        var exponent = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.')
            {
                if (++dots > 1 || exponent)
                {
                    return false;
                }
            }
            else if (c is 'e' or 'E')
            {
                if (exponent || digits == 0)
                {
                    return false;
                }

                exponent = true;
            }
            else if (c is '+' or '-')
            {
                if (i != 0 && value[i - 1] is not ('e' or 'E'))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseOctal(ReadOnlySpan<char> text, out long result)
    {
        result = 0;
        if (text.Length == 0 || text.Length > 21)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            result = (result * 8) + (c - '0');
        }

        return true;
    }
}
