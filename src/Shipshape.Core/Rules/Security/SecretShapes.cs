using System.Text.RegularExpressions;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// What a credential looks like in text: a PEM private key, a token of a well-known provider's shape, or a random
/// string under a name that says it is a credential. Shared by the rules that look for secrets where they should not be.
/// </summary>
internal static partial class SecretShapes
{
    /// <summary>Words that make a key or flag name a credential's (upper case, words joined by '_').</summary>
    private static readonly string[] CredentialMarkers = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"];

    /// <summary>Endings of names that point at a credential or describe it rather than hold it: SECRET_NAME, TOKEN_FILE, TOKEN_TTL.</summary>
    private static readonly string[] PointerEndings =
        ["_NAME", "_FILE", "_PATH", "_URL", "_URI", "_ENDPOINT", "_DIR", "_REF", "_KEY_ID", "_HEADER", "_TTL", "_TIMEOUT", "_EXPIRY", "_ENABLED", "_LENGTH", "_TYPE", "_KEY_REF", "_STDIN"];

    /// <summary>Whether a key or flag name (any case, words joined by '_', '-', '.' or camelCase) names a credential itself.</summary>
    public static bool IsCredentialName(string name)
    {
        var upper = Words(name);
        return CredentialMarkers.Any(m => upper.Contains(m, StringComparison.Ordinal)) && !PointerEndings.Any(p => upper.EndsWith(p, StringComparison.Ordinal));
    }

    /// <summary>Whether a flag name ends with a credential word (--password, --client-secret, --api-key), so its value is one.</summary>
    public static bool IsCredentialFlag(string name)
    {
        var upper = Words(name);
        return upper.EndsWith("PASSWORD", StringComparison.Ordinal) || upper.EndsWith("PASSWD", StringComparison.Ordinal)
            || upper.EndsWith("SECRET", StringComparison.Ordinal) || upper.EndsWith("TOKEN", StringComparison.Ordinal)
            || upper.EndsWith("API_KEY", StringComparison.Ordinal) || upper.EndsWith("APIKEY", StringComparison.Ordinal)
            || upper.EndsWith("ACCESS_KEY", StringComparison.Ordinal) || upper.EndsWith("SECRET_KEY", StringComparison.Ordinal);
    }

    /// <summary>"clientSecret", "client-secret" and "client.secret" as "CLIENT_SECRET": one spelling to compare.</summary>
    private static string Words(string name)
    {
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '.')
            {
                c = '_';
            }
            else if (i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(name[i - 1]))
            {
                words.Append('_');
            }

            words.Append(char.ToUpperInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>What kind of credential <paramref name="text"/> holds by its shape alone ("a private key"), or null.</summary>
    public static string? Recognize(string text)
    {
        var match = KnownShape().Match(text);
        if (!match.Success)
        {
            return null;
        }

        foreach (var (group, what) in ShapeNames)
        {
            if (match.Groups[group].Success)
            {
                return what;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="value"/>, found under a credential's name, looks like a real secret rather than a
    /// placeholder, a reference, a name or a setting: one word of 8 characters or more that mixes letters with
    /// digits, symbols or both cases, with the character spread (Shannon entropy) of a password, not of a word.
    /// </summary>
    public static bool LooksRandom(string value)
    {
        if (value.Length is < 8 or > 4096 || IsReferenceOrPlaceholder(value))
        {
            return false;
        }

        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            // '_', '-' and '.' join the words of names and identifiers (DUMMY_TOKEN, my_auth_token): not a password's symbols.
            symbol |= !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.');
        }

        // A DNS-style name (my-app-secret-2) names a Secret rather than holding one.
        if (IsDnsLikeName(value))
        {
            return false;
        }

        return (lower || upper) && (digit || symbol || (lower && upper)) && Entropy(value) >= 2.5;
    }

    /// <summary>Values that hold no secret themselves: env and template references, paths, URLs and placeholders.</summary>
    public static bool IsReferenceOrPlaceholder(string value)
    {
        var lower = value.ToLowerInvariant();
        return lower.Length == 0 || lower[0] is '$' or '/' or '<' or '{' or '%' or '@' || lower.Contains("{{", StringComparison.Ordinal)
            || lower.Contains("://", StringComparison.Ordinal) || lower.Contains("${", StringComparison.Ordinal)
            || lower is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "none"
            || lower.Contains("changeme", StringComparison.Ordinal) || lower.Contains("example", StringComparison.Ordinal)
            || lower.Contains("your", StringComparison.Ordinal) || lower.Contains("xxxx", StringComparison.Ordinal)
            || lower.Contains("placeholder", StringComparison.Ordinal) || lower.Contains("dummy", StringComparison.Ordinal) || lower.Contains("replace", StringComparison.Ordinal);
    }

    private static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    private static readonly (string Group, string What)[] ShapeNames =
    [
        ("privateKey", "a private key"),
        ("aws", "an AWS access key ID"),
        ("github", "a GitHub token"),
        ("gitlab", "a GitLab token"),
        ("slack", "a Slack token"),
        ("google", "a Google API key"),
        ("stripe", "a Stripe secret key"),
        ("jwt", "a JSON Web Token"),
    ];

    /// <summary>Each shape a named group, in the order of <see cref="ShapeNames"/>: one pass over the text finds any of them.</summary>
    private const string KnownShapePattern =
        @"(?<privateKey>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)"
        + @"|(?<aws>(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9]))"
        + @"|(?<github>(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}))"
        + @"|(?<gitlab>(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,})"
        + @"|(?<slack>(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9]{8,}-[A-Za-z0-9-]{8,})"
        + @"|(?<google>(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-]))"
        + @"|(?<stripe>(?<![A-Za-z0-9_])[sr]k_live_[0-9A-Za-z]{20,})"
        + @"|(?<jwt>(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})";

#if NET
    [GeneratedRegex(KnownShapePattern, RegexOptions.CultureInvariant)]
    private static partial Regex KnownShape();
#else
    // netstandard2.0 (the engine inside Roslyn hosts) has no regex source generator.
    private static readonly Regex KnownShapeRegex = new(KnownShapePattern, RegexOptions.CultureInvariant);

    private static Regex KnownShape() => KnownShapeRegex;
#endif

    /// <summary>A DNS-style name of two or more parts (my-app-secret-2, db.internal): lower-case letters and digits joined by '-' or '.'.</summary>
    private static bool IsDnsLikeName(string value)
    {
        var separators = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '-' or '.')
            {
                if (i == 0 || i == value.Length - 1 || value[i - 1] is '-' or '.')
                {
                    return false;
                }

                separators++;
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return separators > 0;
    }
}
