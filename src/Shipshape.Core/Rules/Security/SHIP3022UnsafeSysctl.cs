using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Security;

/// <summary>The pod sets a sysctl outside the safe, namespaced set.</summary>
public sealed class SHIP3022UnsafeSysctl : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.UnsafeSysctl,
        title: "Unsafe sysctl",
        messageFormat: "The pod sets sysctl '{0}', which is not in the safe set; it may affect other pods on the node, the kubelet rejects it unless allowed, and the Pod Security Standards' baseline profile forbids it. Remove it or use a safe sysctl",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Only namespaced sysctls that cannot affect other pods are safe: kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, and the net.ipv4.tcp_keepalive_* and tcp_fin_timeout settings.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var sysctl in context.Spec.SecurityContext?.Sequence("sysctls")?.Mappings ?? [])
        {
            if (sysctl.Scalar("name") is { IsNull: false } name && !IsSafe(name.Value))
            {
                context.Report(Rule, name, name.Value);
            }
        }
    }

    private static bool IsSafe(string name) => name is
        "kernel.shm_rmid_forced" or "net.ipv4.ip_local_port_range" or "net.ipv4.ip_unprivileged_port_start"
        or "net.ipv4.tcp_syncookies" or "net.ipv4.ping_group_range" or "net.ipv4.ip_local_reserved_ports"
        or "net.ipv4.tcp_keepalive_time" or "net.ipv4.tcp_fin_timeout" or "net.ipv4.tcp_keepalive_intvl" or "net.ipv4.tcp_keepalive_probes";
}
