namespace Shipshape.Core.Analysis.Presets;

/// <summary>
/// A named set of rules to start from, as ESLint's and Ruff's users know them: <c>--preset</c> or <c>preset:</c> in
/// <c>.shipshape.yaml</c>, then the configuration's <c>rules:</c>, then <c>--enable</c>/<c>--disable</c>. A rule a
/// preset includes reports at its default severity.
/// </summary>
public enum RulePreset
{
    /// <summary>Input, schema and cross-resource rules: what the API server or the cluster would reject or misroute.</summary>
    Minimal,

    /// <summary>The default: the rules enabled by default, which report what is wrong as written, not hardening left undone.</summary>
    Recommended,

    /// <summary>Every rule, including the hardening checks that fire on most manifests and the rules off by default.</summary>
    Strict,

    /// <summary>Minimal, plus the rules that enforce the Pod Security Standards' Baseline profile.</summary>
    PssBaseline,

    /// <summary>Minimal, plus the rules that enforce the Pod Security Standards' Restricted profile (which includes Baseline).</summary>
    PssRestricted,
}

/// <summary>The names of the presets and which rules each includes.</summary>
public static class RulePresets
{
    /// <summary>The names the command line and the configuration take, in <see cref="RulePreset"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["minimal", "recommended", "strict", "pss-baseline", "pss-restricted"];

    public static string ToName(this RulePreset preset) => Names[(int)preset];

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static RulePreset? Parse(string? name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (RulePreset)i;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="preset"/> runs <paramref name="rule"/> when nothing else configures it.</summary>
    public static bool Includes(this RulePreset preset, DiagnosticDescriptor rule) => preset switch
    {
        RulePreset.Minimal => IsMinimal(rule),
        RulePreset.Strict => true,
        // The Pod Security Standards presets: what the API server would reject, plus every control of the profile (the
        // restricted profile includes the baseline one), as the rules' descriptors name them.
        RulePreset.PssBaseline => IsMinimal(rule) || rule.PodSecurityProfile == PodSecurityProfile.Baseline,
        RulePreset.PssRestricted => IsMinimal(rule) || rule.PodSecurityProfile is PodSecurityProfile.Baseline or PodSecurityProfile.Restricted,
        _ => rule.IsEnabledByDefault,
    };

    /// <summary>Input, schema and consistency rules: an object that breaks one is rejected by the API server or misroutes traffic.</summary>
    private static bool IsMinimal(DiagnosticDescriptor rule) =>
        rule.IsEnabledByDefault && rule.Category is RuleCategory.Input or RuleCategory.Schema or RuleCategory.Consistency;
}
