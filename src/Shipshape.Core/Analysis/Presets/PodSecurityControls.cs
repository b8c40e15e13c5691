namespace Shipshape.Core.Analysis.Presets;

/// <summary>
/// The rules that check controls of the Kubernetes Pod Security Standards
/// (https://kubernetes.io/docs/concepts/security/pod-security-standards/), by profile. Restricted includes Baseline.
/// </summary>
/// <remarks>
/// The lists name today's security rules that are PSS controls; the descriptors do not yet say which profile a rule
/// enforces. Once they do, these lists give way to that property, so a new PSS rule joins its preset by itself.
/// </remarks>
internal static class PodSecurityControls
{
    /// <summary>Baseline: privileged containers, host namespaces, hostPath volumes, added capabilities, host ports.</summary>
    public static HashSet<string> Baseline { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleIds.PrivilegedContainer,
        RuleIds.HostNamespaceShared,
        RuleIds.SensitiveHostPath,
        RuleIds.WritableHostPath,
        RuleIds.DangerousCapability,
        RuleIds.HostPortSet,
    };

    /// <summary>Restricted, beyond Baseline: privilege escalation, running as non-root, capabilities dropped.</summary>
    public static HashSet<string> Restricted { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleIds.PrivilegeEscalationAllowed,
        RuleIds.RunAsNonRootNotSet,
        RuleIds.NetRawNotDropped,
    };
}
