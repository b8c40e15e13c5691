using System.Globalization;

namespace Shipshape.Core.Schema.Versions;

/// <summary>Kubernetes' order of API versions: v2 before v1, a GA version before its betas, betas before alphas.</summary>
internal static class ApiVersionOrder
{
    /// <summary>A number that grows with stability and version: v1alpha1 &lt; v1beta1 &lt; v1beta2 &lt; v1 &lt; v2.</summary>
    public static long Rank(string version)
    {
        var match = System.Text.RegularExpressions.Regex.Match(version, "^v([0-9]{1,6})(?:(alpha|beta)([0-9]{1,6}))?$");
        if (!match.Success)
        {
            return -1;
        }

        var major = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var stage = match.Groups[2].Value switch { "alpha" => 0, "beta" => 1, _ => 2 };
        var minor = match.Groups[3].Success && match.Groups[3].Length > 0 ? long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return (major * 1_000_000) + (stage * 10_000) + minor;
    }
}
