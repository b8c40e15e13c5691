using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A Deployment or StatefulSet sets <c>replicas: 1</c>. Off by default: single replicas are normal in development.</summary>
public sealed class SHIP4008SingleReplica : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SingleReplica,
        title: "Workload runs a single replica",
        messageFormat: "{0} runs a single replica, so every node drain, eviction or rollout takes it down; run at least 2 replicas (and a PodDisruptionBudget)",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "One replica means downtime whenever its node is drained or the pod is evicted.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeWorkload, "Deployment", "StatefulSet");

    private static void AnalyzeWorkload(ObjectAnalysisContext context)
    {
        if (context.Object is Workload { ReplicasNode: { } replicas } && replicas.TryGetInt64(out var count) && count == 1)
        {
            context.Report(Rule, replicas, context.Object.Identity.Describe());
        }
    }
}
