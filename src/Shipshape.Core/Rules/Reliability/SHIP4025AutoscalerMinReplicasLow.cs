using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A HorizontalPodAutoscaler may scale its workload down to fewer than 2 replicas (minReplicas 1 or 0, or omitted).</summary>
public sealed class SHIP4025AutoscalerMinReplicasLow : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.AutoscalerMinReplicasLow,
        title: "HorizontalPodAutoscaler may scale down to a single replica",
        messageFormat: "{0} may scale {1} down to {2} {3} ({4}); then one node drain, eviction or crash takes the workload down: set minReplicas: 2 or more",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "An autoscaler with minReplicas below 2 runs its workload as a single pod whenever load is low, with no replica to take over during a drain or a crash.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeAutoscaler, "HorizontalPodAutoscaler");

    private static void AnalyzeAutoscaler(ObjectAnalysisContext context)
    {
        var autoscaler = context.Object;
        if (autoscaler.Group != "autoscaling" || autoscaler.Spec is not { } spec)
        {
            return;
        }

        var written = AutoscalerTargets.MinReplicasNode(autoscaler);
        if (written is not null && !written.TryGetInt64(out _))
        {
            return;
        }

        var minimum = AutoscalerTargets.MinReplicas(autoscaler);
        if (minimum >= 2)
        {
            return;
        }

        var target = spec.Mapping("scaleTargetRef") is { } reference && reference.Text("kind") is { } kind && reference.Text("name") is { } name
            ? $"{kind} '{name}'"
            : "its target";
        context.Report(
            Rule,
            written ?? autoscaler.Node.KeyNode("spec"),
            autoscaler.Identity.Describe(),
            target,
            minimum,
            minimum == 1 ? "replica" : "replicas",
            written is null ? "minReplicas is not set and defaults to 1" : $"minReplicas: {minimum}");
    }
}
