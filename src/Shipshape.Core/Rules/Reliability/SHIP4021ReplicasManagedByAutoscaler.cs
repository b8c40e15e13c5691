using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A workload sets <c>spec.replicas</c> while a HorizontalPodAutoscaler in the linted set scales it.</summary>
public sealed class SHIP4021ReplicasManagedByAutoscaler : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ReplicasManagedByAutoscaler,
        title: "Replicas set on an autoscaled workload",
        messageFormat: "{0} sets replicas: {1}, but {2} scales it; every apply resets the count to {1} and undoes the autoscaler's work until it scales again. Remove spec.replicas from the manifest",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "When a HorizontalPodAutoscaler owns a workload's replica count, a replica count in the manifest fights it on every apply.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var autoscaler in context.Set.OfKind("HorizontalPodAutoscaler"))
        {
            var target = autoscaler.Spec?.Mapping("scaleTargetRef");
            if (target?.Text("kind") is not { } kind || target.Text("name") is not { } name)
            {
                continue;
            }

            foreach (var scaled in context.Set.Named(kind, name, autoscaler.Namespace))
            {
                if (scaled is Workload { ReplicasNode: { IsNull: false } replicas })
                {
                    context.Report(Rule, scaled, replicas, scaled.Identity.Describe(), replicas.Value, autoscaler.Identity.Describe());
                }
            }
        }
    }
}
