using System.Globalization;
using System.Text;

namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// <c>"…".format([args])</c> of cel-go's strings extension: <c>%s</c>, <c>%d</c>, <c>%f</c> and <c>%e</c> (with an
/// optional <c>.N</c> precision), <c>%x</c>, <c>%X</c>, <c>%o</c>, <c>%b</c> and <c>%%</c>.
/// </summary>
internal static class CelFormatting
{
    public static string Format(CelInterpreter interpreter, string template, IReadOnlyList<object> args)
    {
        var builder = new StringBuilder();
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '%')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= template.Length)
            {
                throw new CelError("unexpected end of format string");
            }

            if (template[i] == '%')
            {
                builder.Append('%');
                continue;
            }

            int? precision = null;
            if (template[i] == '.')
            {
                var start = ++i;
                while (i < template.Length && char.IsAsciiDigit(template[i]))
                {
                    i++;
                }

                precision = int.Parse(template[start..i], CultureInfo.InvariantCulture);
                if (i >= template.Length)
                {
                    throw new CelError("unexpected end of format string");
                }
            }

            if (next >= args.Count)
            {
                throw new CelError($"index {next} out of range");
            }

            var value = args[next++];
            interpreter.Spend(1);
            builder.Append(template[i] switch
            {
                's' => AsString(value),
                'd' => value is long or ulong ? CelStandardLibrary.ToCelString(value) : value is double d && (double.IsNaN(d) || double.IsInfinity(d)) ? Special(d) : throw new CelError($"error during formatting: decimal clause can only be used on integers, was given {CelOperations.TypeName(value)}"),
                'f' => Fixed(value, precision ?? 6),
                'e' => Scientific(value, precision ?? 6),
                'x' => Radix(value, 16, upper: false),
                'X' => Radix(value, 16, upper: true),
                'o' => Radix(value, 8, upper: false),
                'b' => Radix(value, 2, upper: false),
                var other => throw new CelError($"could not parse formatting clause: unrecognized formatting clause \"{other}\""),
            });
        }

        return builder.ToString();
    }

    private static string AsString(object value) => value switch
    {
        CelBytes bytes => Encoding.UTF8.GetString(bytes.Value),
        IReadOnlyList<object> list => "[" + string.Join(", ", list.Select(AsString)) + "]",
        CelMap map => "{" + string.Join(", ", map.Keys.OrderBy(k => CelStandardLibrary.ToCelString(k), StringComparer.Ordinal).Select(k => { map.TryGet(k, out var v); return AsString(k) + ": " + AsString(v); })) + "}",
        double d when double.IsNaN(d) || double.IsInfinity(d) => Special(d),
        _ => CelStandardLibrary.ToCelString(value),
    };

    private static string Special(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";

    private static double Number(object value, string clause) => value switch
    {
        long or ulong or double => CelOperations.ToDouble(value),
        _ => throw new CelError($"error during formatting: {clause} clause can only be used on doubles, was given {CelOperations.TypeName(value)}"),
    };

    private static string Fixed(object value, int precision)
    {
        var d = Number(value, "fixed-point");
        return double.IsNaN(d) || double.IsInfinity(d) ? Special(d) : d.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Scientific(object value, int precision)
    {
        var d = Number(value, "scientific");
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return Special(d);
        }

        // Go writes at least two exponent digits (1.000000e+03); .NET's "e" writes three.
        var text = d.ToString("e" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('e');
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..(e + 1)] + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("D2", CultureInfo.InvariantCulture);
    }

    private static string Radix(object value, int radix, bool upper)
    {
        string text;
        switch (value)
        {
            case long l:
                var magnitude = l < 0 ? (ulong)(-(l + 1)) + 1 : (ulong)l;
                text = (l < 0 ? "-" : string.Empty) + ToRadix(magnitude, radix);
                break;
            case ulong u:
                text = ToRadix(u, radix);
                break;
            case string s when radix == 16:
                text = Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant();
                break;
            case CelBytes b when radix == 16:
                text = Convert.ToHexString(b.Value).ToLowerInvariant();
                break;
            case bool b when radix == 2:
                text = b ? "1" : "0";
                break;
            default:
                throw new CelError($"error during formatting: only integers{(radix == 16 ? ", byte buffers, and strings" : string.Empty)} can be formatted in base {radix}, was given {CelOperations.TypeName(value)}");
        }

        return upper ? text.ToUpperInvariant() : text;
    }

    private static string ToRadix(ulong value, int radix)
    {
        if (value == 0)
        {
            return "0";
        }

        var digits = new StringBuilder();
        while (value > 0)
        {
            digits.Insert(0, "0123456789abcdef"[(int)(value % (ulong)radix)]);
            value /= (ulong)radix;
        }

        return digits.ToString();
    }
}
