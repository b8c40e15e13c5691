using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A policy/v1 PodDisruptionBudget leaves <c>unhealthyPodEvictionPolicy</c> unset, on a target Kubernetes version where
/// the field works by default (beta from 1.27). An explicit IfHealthyBudget is a choice and is not reported.
/// </summary>
public sealed class SHIP4027UnhealthyPodEvictionPolicyUnset : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.UnhealthyPodEvictionPolicyUnset,
        title: "PodDisruptionBudget without unhealthyPodEvictionPolicy",
        messageFormat: "{0} sets no unhealthyPodEvictionPolicy, so it defaults to IfHealthyBudget: while the application is short of healthy pods, its pods that run but never become ready cannot be evicted either, and a node drain waits for them; set unhealthyPodEvictionPolicy: AlwaysAllow",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "With the default IfHealthyBudget, a crash-looping or never-ready pod guarded by a budget that is already spent blocks node drains; AlwaysAllow lets such pods be evicted.");

    /// <summary>The field is alpha (off by default) in 1.26 and beta, on by default, from 1.27.</summary>
    private static readonly KubernetesVersion AvailableFrom = new(1, 27);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        if (context.Schemas.Target < AvailableFrom)
        {
            return;
        }

        context.RegisterObjectAction(AnalyzeBudget, "PodDisruptionBudget");
    }

    private static void AnalyzeBudget(ObjectAnalysisContext context)
    {
        var budget = context.Object;
        if (budget.ApiVersion != "policy/v1" || budget.Spec.Sets("unhealthyPodEvictionPolicy"))
        {
            return;
        }

        context.Report(Rule, budget.SpecAnchor, budget.Identity.Describe());
    }
}
