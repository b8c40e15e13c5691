using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A Deployment or StatefulSet that runs several replicas (written down, or up to an autoscaler's maximum) has no
/// PodDisruptionBudget, although the linted set holds budgets in its namespace.
/// </summary>
public sealed class SHIP4023DisruptionBudgetMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DisruptionBudgetMissing,
        title: "Replicated workload has no PodDisruptionBudget",
        messageFormat: "{0} {1}, but no PodDisruptionBudget selects its pods, although the linted files hold budgets for its namespace; a node drain or cluster upgrade may evict all its replicas at once: add a PodDisruptionBudget with maxUnavailable: 1 and the workload's selector",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Without a disruption budget, voluntary evictions (drains, upgrades, the cluster autoscaler) may take every replica of a workload down together.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var budgets = context.Set.OfKind("PodDisruptionBudget");
        if (budgets.Count == 0)
        {
            return;
        }

        var guarded = new HashSet<KubeObject>(ReferenceEqualityComparer.Instance);
        var guardedNamespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var budget in budgets)
        {
            // policy/v1 reads an empty selector as every pod of the namespace; v1beta1 read it as none.
            if (LabelSelector.FromStructured(budget.Spec?["selector"]) is not { } selector)
            {
                continue;
            }

            if (!selector.IsEmpty)
            {
                guarded.UnionWith(context.Set.PodsMatching(selector, budget.Namespace));
            }
            else if (budget.ApiVersion == "policy/v1")
            {
                // Without a namespace, such a budget goes wherever it is applied: it may guard any workload.
                guardedNamespaces.Add(budget.Namespace ?? string.Empty);
            }
        }

        if (guardedNamespaces.Contains(string.Empty))
        {
            return;
        }

        var autoscalers = new AutoscalerTargets(context.Set.OfKind("HorizontalPodAutoscaler"));
        foreach (var owner in context.Set.PodOwners)
        {
            if (owner is not Workload { Kind: "Deployment" or "StatefulSet" } workload
                || guarded.Contains(workload)
                || !context.Set.HasAnyInExactNamespace("PodDisruptionBudget", workload.Namespace)
                || (workload.Namespace is { } ns ? guardedNamespaces.Contains(ns) : guardedNamespaces.Count > 0))
            {
                continue;
            }

            if (workload.ReplicasNode is { } replicasNode && replicasNode.TryGetInt64(out var replicas) && replicas >= 2)
            {
                context.Report(Rule, workload, replicasNode, workload.Identity.Describe(), $"runs {replicas} replicas");
            }
            else if (autoscalers.Scaling(workload) is { } autoscaler && AutoscalerTargets.MaxReplicas(autoscaler) is { } max && max >= 2)
            {
                context.Report(Rule, workload, workload.Spec?.KeyNode("selector"), workload.Identity.Describe(), $"is scaled up to {max} replicas by {autoscaler.Identity.Describe()}");
            }
        }
    }
}
