using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A PodDisruptionBudget sets neither <c>minAvailable</c> nor <c>maxUnavailable</c>.</summary>
public sealed class SHIP4028DisruptionBudgetWithoutPolicy : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DisruptionBudgetWithoutPolicy,
        title: "PodDisruptionBudget sets neither minAvailable nor maxUnavailable",
        messageFormat: "{0} sets neither minAvailable nor maxUnavailable, and with neither the disruption controller allows no disruption at all: every eviction of the pods it selects is refused, so node drains and cluster upgrades hang; set maxUnavailable: 1, or a minAvailable below the replica count",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "The API server accepts a budget without minAvailable or maxUnavailable, but the disruption controller then expects no pods and allows zero disruptions, which blocks every voluntary eviction.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeBudget, "PodDisruptionBudget");

    private static void AnalyzeBudget(ObjectAnalysisContext context)
    {
        var budget = context.Object;
        if (budget.Spec.Sets("minAvailable") || budget.Spec.Sets("maxUnavailable"))
        {
            return;
        }

        context.Report(Rule, budget.SpecAnchor, budget.Identity.Describe());
    }
}
