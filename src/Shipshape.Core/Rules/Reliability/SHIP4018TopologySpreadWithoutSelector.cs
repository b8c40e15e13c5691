using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A <c>topologySpreadConstraints</c> entry has no <c>labelSelector</c>, so it counts no pods and spreads nothing.</summary>
public sealed class SHIP4018TopologySpreadWithoutSelector : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.TopologySpreadWithoutSelector,
        title: "Topology spread constraint without a labelSelector",
        messageFormat: "A topology spread constraint of {0} has no labelSelector, so the scheduler counts no pods in each domain and the constraint spreads nothing; add a labelSelector matching the pod's own labels",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "The scheduler computes skew over the pods the labelSelector matches; without one there are none, and the pods may all land in one zone.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var constraint in context.Spec.Node.Sequence("topologySpreadConstraints")?.Mappings ?? [])
        {
            if (constraint["labelSelector"] is null or ScalarNode { IsNull: true })
            {
                context.Report(Rule, constraint.Scalar("topologyKey") ?? (Node)constraint, context.Object.Identity.Describe());
            }
        }
    }
}
