namespace Shipshape.Core.Schema;

/// <summary>
/// The syntax of a Kubernetes resource.Quantity as a string: a signed decimal number, then an optional binary
/// suffix (Ki … Ei), decimal suffix (n, u, m, k, M, G, T, P, E) or decimal exponent (e3, E-2).
/// </summary>
internal static class Quantities
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        return IsSuffix(text[i..]);
    }

    private static bool IsSuffix(ReadOnlySpan<char> suffix)
    {
        switch (suffix)
        {
            case "" or "Ki" or "Mi" or "Gi" or "Ti" or "Pi" or "Ei" or "n" or "u" or "m" or "k" or "M" or "G" or "T" or "P" or "E":
                return true;
        }

        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
        {
            return false;
        }

        var exponent = suffix[1..];
        if (exponent[0] is '+' or '-')
        {
            exponent = exponent[1..];
        }

        if (exponent.Length == 0)
        {
            return false;
        }

        foreach (var c in exponent)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
