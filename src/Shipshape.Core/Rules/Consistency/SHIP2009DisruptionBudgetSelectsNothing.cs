using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A PodDisruptionBudget's selector matches no pod template of the linted set, although the set runs pods in its namespace.</summary>
public sealed class SHIP2009DisruptionBudgetSelectsNothing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DisruptionBudgetSelectsNothing,
        title: "PodDisruptionBudget selects no pods in the linted set",
        messageFormat: "{0} selects pods with {{{1}}}, but no Pod or workload template in its namespace has those labels; the budget protects nothing during node drains and upgrades: fix the selector to match the pods it should keep available",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A disruption budget whose selector matches no pods is accepted and silently protects nothing.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var budget in context.Set.OfKind("PodDisruptionBudget"))
        {
            // An empty selector selects every pod of the namespace (policy/v1). Only a set that runs pods there, and no
            // custom resources whose operators run more, can tell that none match.
            if (LabelSelector.FromStructured(budget.Spec?["selector"]) is not { IsEmpty: false } selector
                || !context.Set.ShowsEveryPodIn(budget.Namespace))
            {
                continue;
            }

            if (context.Set.PodsMatching(selector, budget.Namespace).Count == 0)
            {
                context.Report(Rule, budget, budget.Spec!.KeyNode("selector"), budget.Identity.Describe(), selector.Describe());
            }
        }
    }
}
