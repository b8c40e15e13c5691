using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container adds a capability that amounts to root on the node (<c>capabilities.add</c>).</summary>
public sealed class SHIP3007DangerousCapability : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DangerousCapability,
        title: "Dangerous capability added",
        messageFormat: "{0} adds capability {1}, which {2}; drop it, or add the narrowest capability the process needs",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Error,
        description: "Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL give a container most of root's power over the node.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var capability in container.SecurityContext?.Mapping("capabilities").Scalars("add") ?? [])
            {
                var name = capability.Value.ToUpperInvariant();
                if (Why(name.StartsWith("CAP_", StringComparison.Ordinal) ? name[4..] : name) is { } why)
                {
                    context.Report(Rule, capability, container.DescribeAsSubject(), capability.Value, why);
                }
            }
        }
    }

    private static string? Why(string capability) => capability switch
    {
        "ALL" => "grants every capability, as privileged mode does",
        "SYS_ADMIN" => "allows mounting file systems and most other administration: it is close to full root",
        "NET_ADMIN" => "allows reconfiguring the pod's network, firewall and routes, and sniffing traffic",
        "SYS_PTRACE" => "allows tracing and injecting code into other processes",
        "SYS_MODULE" => "allows loading kernel modules into the node's kernel",
        "SYS_RAWIO" => "allows raw access to the node's memory and I/O ports",
        "SYS_BOOT" => "allows rebooting the node",
        "DAC_READ_SEARCH" => "allows reading any file, bypassing permissions (the 'Shocker' escape)",
        "BPF" or "PERFMON" => "allows loading eBPF programs into the node's kernel",
        _ => null,
    };
}
