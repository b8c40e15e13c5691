using System.Globalization;

namespace Shipshape.Core.Model;

/// <summary>The value of a resource quantity ("500m", "1Gi", "2", "1e3"), for comparing requests with limits.</summary>
public static class Quantity
{
    /// <summary>The quantity as an exact number of base units (decimal, so that 100m and 0.1 compare equal), or null when <paramref name="text"/> is not a quantity.</summary>
    public static decimal? Parse(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsAsciiLetter(text[end - 1]))
        {
            end--;
        }

        var suffix = text.AsSpan(end);
        decimal scale;
        var number = text.AsSpan(0, end);
        if (suffix.Length == 0 && (text.Contains('e') || text.Contains('E')))
        {
            // A decimal exponent such as 1e3 ends in digits, so it is left in the number for double.Parse.
            scale = 1m;
        }
        else
        {
            scale = suffix switch
            {
                "" => 1m,
                "n" => 0.000000001m,
                "u" => 0.000001m,
                "m" => 0.001m,
                "k" => 1_000m,
                "M" => 1_000_000m,
                "G" => 1_000_000_000m,
                "T" => 1_000_000_000_000m,
                "P" => 1_000_000_000_000_000m,
                "E" => 1_000_000_000_000_000_000m,
                "Ki" => 1024m,
                "Mi" => 1024m * 1024,
                "Gi" => 1024m * 1024 * 1024,
                "Ti" => 1024m * 1024 * 1024 * 1024,
                "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
                "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
                _ => 0m,
            };
        }

        return scale != 0 && number.Length > 0
            && decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? Scale(value, scale)
            : null;
    }

    /// <summary>Null when the product is beyond decimal's range (far beyond any real resource amount).</summary>
    private static decimal? Scale(decimal value, decimal scale)
    {
        try
        {
            return value * scale;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
