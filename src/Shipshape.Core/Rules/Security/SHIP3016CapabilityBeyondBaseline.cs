using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container adds a capability outside the Pod Security Standards' baseline list (the container runtime's defaults). Off by default; a Pod Security Standards preset turns it on.</summary>
public sealed class SHIP3016CapabilityBeyondBaseline : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.CapabilityBeyondBaseline,
        title: "Capability beyond the baseline set",
        messageFormat: "{0} adds capability {1}, which is not among the runtime defaults the Pod Security Standards' baseline profile allows (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT); remove it",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "The baseline profile allows adding only the capabilities container runtimes grant by default.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var capability in container.SecurityContext?.Mapping("capabilities").Scalars("add") ?? [])
            {
                if (!IsBaseline(capability.Value))
                {
                    context.Report(Rule, capability, container.DescribeAsSubject(), capability.Value);
                }
            }
        }
    }

    /// <summary>The capabilities container runtimes grant by default, which the baseline profile lets a container add (with or without CAP_).</summary>
    internal static bool IsBaseline(string capability) =>
        (capability.StartsWith("CAP_", StringComparison.Ordinal) ? capability[4..] : capability) is
            "AUDIT_WRITE" or "CHOWN" or "DAC_OVERRIDE" or "FOWNER" or "FSETID" or "KILL" or "MKNOD" or "NET_BIND_SERVICE"
            or "SETFCAP" or "SETGID" or "SETPCAP" or "SETUID" or "SYS_CHROOT";
}
