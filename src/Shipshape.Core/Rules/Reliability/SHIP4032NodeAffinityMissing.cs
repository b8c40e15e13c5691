using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A pod has neither <c>affinity.nodeAffinity</c> nor a <c>nodeSelector</c>. Off by default: most workloads should run
/// on any node (kube-linter's no-node-affinity).
/// </summary>
public sealed class SHIP4032NodeAffinityMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NodeAffinityMissing,
        title: "No node affinity",
        messageFormat: "{0} has no node affinity and no nodeSelector, so the scheduler may place it on any node, including pools meant for other workloads (GPU, spot, system nodes); add affinity.nodeAffinity, or a nodeSelector, for the nodes it should run on",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Without node affinity or a nodeSelector a pod may be scheduled onto any node that has room, whatever that node pool is meant for.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        var spec = context.Spec.Node;
        // A nodeSelector is the simple form of node affinity: it pins the pod as well.
        if (spec.Mapping("affinity")?["nodeAffinity"] is not null || spec.Mapping("nodeSelector") is { Count: > 0 })
        {
            return;
        }

        context.Report(Rule, spec.KeyNode("affinity") ?? spec, context.Object.Identity.Describe());
    }
}
