using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A PodDisruptionBudget allows no voluntary disruption: maxUnavailable 0 or 0%, minAvailable 100%, or a minAvailable
/// at least the replicas of the workloads it selects in the linted set.
/// </summary>
public sealed class SHIP4019DisruptionBudgetBlocksEviction : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DisruptionBudgetBlocksEviction,
        title: "PodDisruptionBudget blocks every eviction",
        messageFormat: "{0} {1}, so no pod it covers may ever be evicted: node drains and cluster upgrades hang until someone deletes the budget. Allow at least one disruption, e.g. maxUnavailable: 1",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "A budget that allows zero disruptions makes every voluntary eviction fail, which blocks kubectl drain, node autoscaling and managed cluster upgrades.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var autoscalers = new AutoscalerTargets(context.Set.OfKind("HorizontalPodAutoscaler"));
        foreach (var budget in context.Set.OfKind("PodDisruptionBudget"))
        {
            if (budget.Spec is not { } spec)
            {
                continue;
            }

            if (spec.Scalar("maxUnavailable") is { IsNull: false } maxUnavailable)
            {
                if (maxUnavailable.Value is "0" or "0%")
                {
                    context.Report(Rule, budget, maxUnavailable, budget.Identity.Describe(), $"allows maxUnavailable {maxUnavailable.Value}");
                }

                continue;
            }

            if (spec.Scalar("minAvailable") is not { IsNull: false } minAvailable)
            {
                continue;
            }

            if (minAvailable.Value == "100%")
            {
                context.Report(Rule, budget, minAvailable, budget.Identity.Describe(), "requires minAvailable 100%");
            }
            else if (minAvailable.TryGetInt64(out var required) && required > 0
                && LabelSelector.FromStructured(spec["selector"]) is { IsEmpty: false } selector
                && KnownReplicas(context.Set.PodsMatching(selector, budget.Namespace), autoscalers) is { } replicas && required >= replicas)
            {
                context.Report(Rule, budget, minAvailable, budget.Identity.Describe(), $"requires minAvailable {required}, and the workloads it selects run {replicas} replicas in all");
            }
        }
    }

    /// <summary>
    /// The replicas of the selected workloads together, or null when one's count is not written down (a DaemonSet) or
    /// an autoscaler sets it, whatever the manifest says (SHIP4024 compares the budget with the autoscaler's minimum).
    /// </summary>
    private static long? KnownReplicas(IReadOnlyList<KubeObject> selected, AutoscalerTargets autoscalers)
    {
        long total = 0;
        foreach (var owner in selected)
        {
            switch (owner)
            {
                case Workload { ReplicasNode: { } node } when node.TryGetInt64(out var count) && autoscalers.Scaling(owner) is null:
                    total += count;
                    break;
                case Pod:
                    total++;
                    break;
                default:
                    return null;
            }
        }

        return selected.Count == 0 ? null : total;
    }
}
