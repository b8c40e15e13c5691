using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A PodDisruptionBudget's integer minAvailable is at least the pods its workloads run when a HorizontalPodAutoscaler
/// has scaled them down to its minReplicas.
/// </summary>
public sealed class SHIP4024DisruptionBudgetBlocksAutoscaledEviction : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DisruptionBudgetBlocksAutoscaledEviction,
        title: "PodDisruptionBudget blocks eviction at the autoscaler's minimum",
        messageFormat: "{0} requires minAvailable {1}, but minReplicas {2} of {3} lets the pods it selects shrink to {4}; at that scale no pod may be evicted, and node drains and cluster upgrades hang: set minAvailable below {4}, use maxUnavailable: 1, or raise minReplicas",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "A budget that allows a disruption at full scale may allow none once the autoscaler has scaled its workload down, which is when quiet clusters drain their nodes.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var autoscalers = new AutoscalerTargets(context.Set.OfKind("HorizontalPodAutoscaler"));
        if (autoscalers.IsEmpty)
        {
            return;
        }

        foreach (var budget in context.Set.OfKind("PodDisruptionBudget"))
        {
            if (budget.Spec?.Scalar("minAvailable") is not { } minAvailable
                || !minAvailable.TryGetInt64(out var required)
                || required <= 0
                || LabelSelector.FromStructured(budget.Spec["selector"]) is not { IsEmpty: false } selector
                || MinimumScale(context.Set.PodsMatching(selector, budget.Namespace), autoscalers) is not { } minimum
                || required < minimum.Pods)
            {
                continue;
            }

            context.Report(
                Rule,
                budget,
                minAvailable,
                budget.Identity.Describe(),
                required,
                AutoscalerTargets.MinReplicas(minimum.Autoscaler),
                minimum.Autoscaler.Identity.Describe(),
                minimum.Pods);
        }
    }

    /// <summary>
    /// The pods the selected objects run when their autoscalers are at minReplicas (other workloads at the replicas they
    /// write down), with the first autoscaler; null when none is autoscaled or a count is not known (a DaemonSet).
    /// </summary>
    private static (long Pods, KubeObject Autoscaler)? MinimumScale(IReadOnlyList<KubeObject> selected, AutoscalerTargets autoscalers)
    {
        long pods = 0;
        KubeObject? first = null;
        foreach (var owner in selected)
        {
            if (autoscalers.Scaling(owner) is { } autoscaler)
            {
                pods += AutoscalerTargets.MinReplicas(autoscaler);
                first ??= autoscaler;
            }
            else if (owner is Workload { ReplicasNode: { } node } && node.TryGetInt64(out var replicas))
            {
                pods += replicas;
            }
            else if (owner is Pod)
            {
                pods++;
            }
            else
            {
                return null;
            }
        }

        return first is null ? null : (pods, first);
    }
}
