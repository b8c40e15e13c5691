using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Analyzers;

/// <summary>The API server's name and label syntax (k8s.io/apimachinery validation), and the nearest valid name.</summary>
internal static class KubernetesNames
{
    public const int LabelMaxLength = 63;
    public const int SubdomainMaxLength = 253;

    private static readonly Regex Dns1123Label = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex Dns1123Subdomain = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelName = new("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant);

    /// <summary>A name such as a container's or a Service's: at most 63 lowercase letters, digits and '-', alphanumeric at both ends.</summary>
    public static bool IsLabelName(string name) => name.Length <= LabelMaxLength && Dns1123Label.IsMatch(name);

    /// <summary>Most object names: DNS-1123 labels joined by dots, at most 253 characters.</summary>
    public static bool IsSubdomainName(string name) => name.Length <= SubdomainMaxLength && Dns1123Subdomain.IsMatch(name);

    /// <summary>Why <paramref name="key"/> is not a valid label key (optional DNS subdomain prefix, '/', name), or null when it is.</summary>
    public static string? LabelKeyProblem(string key)
    {
        var slash = key.LastIndexOf('/');
        var prefix = slash >= 0 ? key.Substring(0, slash) : null;
        var name = key.Substring(slash + 1);
        if (prefix is not null && !IsSubdomainName(prefix))
        {
            return $"its prefix '{prefix}' is not a lowercase DNS subdomain";
        }

        if (name.Length == 0)
        {
            return "its name part after the prefix is empty";
        }

        return LabelValueProblem(name) is { } problem ? $"its name part '{name}' {problem}" : null;
    }

    /// <summary>Why <paramref name="value"/> is not a valid label value (empty, or at most 63 of [A-Za-z0-9-_.] alphanumeric at both ends), or null.</summary>
    public static string? LabelValueProblem(string value) =>
        value.Length > LabelMaxLength ? $"is longer than {LabelMaxLength} characters"
        : value.Length > 0 && !LabelName.IsMatch(value) ? "may only hold letters, digits, '-', '_' and '.', and must start and end with a letter or digit"
        : null;

    /// <summary>
    /// The nearest valid name: lowercase, other characters (and dots, for label names) as '-', no repeated or
    /// edge dashes ("Echo_Server" → "echo-server"); null when nothing valid is left.
    /// </summary>
    public static string? Suggest(string name, bool allowDots)
    {
        var text = new StringBuilder(name.Length);
        foreach (var character in name.ToLowerInvariant())
        {
            var keep = character is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' || (allowDots && character == '.');
            var next = keep ? character : '-';
            if (!(next == '-' && text.Length > 0 && text[text.Length - 1] == '-'))
            {
                text.Append(next);
            }
        }

        var maxLength = allowDots ? SubdomainMaxLength : LabelMaxLength;
        var suggestion = text.ToString();
        suggestion = suggestion.Substring(0, Math.Min(suggestion.Length, maxLength)).Trim('-', '.');
        return (allowDots ? IsSubdomainName(suggestion) : IsLabelName(suggestion)) ? suggestion : null;
    }
}
