using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A workload runs several replicas without podAntiAffinity or topologySpreadConstraints to keep them apart.</summary>
public sealed class SHIP4020ReplicasNotSpread : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ReplicasNotSpread,
        title: "Replicas are not spread across nodes or zones",
        messageFormat: "{0} runs {1} replicas, but neither podAntiAffinity nor topologySpreadConstraints keeps them apart, so the scheduler may place them on one node or zone and one failure takes them all down; add a topologySpreadConstraint over kubernetes.io/hostname or topology.kubernetes.io/zone",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Replicas protect against a node or zone failure only when they run on different nodes or zones; the scheduler's default spreading is a soft preference.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterObjectAction(AnalyzeWorkload, "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DeploymentConfig");

    private static void AnalyzeWorkload(ObjectAnalysisContext context)
    {
        if (context.Object is not Workload { ReplicasNode: { } replicasNode } workload
            || !replicasNode.TryGetInt64(out var replicas) || replicas < 2
            || workload.PodTemplate?.Spec?.Node is not { } spec)
        {
            return;
        }

        if (spec.Mapping("affinity")?["podAntiAffinity"] is null && spec["topologySpreadConstraints"] is null)
        {
            context.Report(Rule, replicasNode, workload.Identity.Describe(), replicas);
        }
    }
}
