using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container does not drop <c>NET_RAW</c> (or <c>ALL</c>).</summary>
public sealed class SHIP3008NetRawNotDropped : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NetRawNotDropped,
        title: "NET_RAW capability not dropped",
        messageFormat: "{0} keeps the NET_RAW capability, which lets it forge packets and spoof other pods on the node's network (ARP and DNS spoofing); add NET_RAW (or ALL) to securityContext.capabilities.drop",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "NET_RAW is granted by default and lets a container craft raw packets, the basis of ARP and DNS spoofing attacks inside the cluster.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            var securityContext = container.SecurityContext;
            if (securityContext.Flag("privileged", expected: true) is not null)
            {
                continue;
            }

            var dropped = securityContext?.Mapping("capabilities").Scalars("drop")
                .Any(c => c.Value.ToUpperInvariant() is "NET_RAW" or "CAP_NET_RAW" or "ALL") ?? false;
            if (!dropped)
            {
                context.Report(Rule, container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
