using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) has no <c>livenessProbe</c>. Jobs, CronJobs and bare Pods are not checked.</summary>
public sealed class SHIP4006LivenessProbeMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.LivenessProbeMissing,
        title: "Liveness probe missing",
        messageFormat: "{0} has no livenessProbe, so a process that hangs without exiting is never restarted; add a livenessProbe that fails when it is stuck",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Without a liveness probe, a deadlocked process keeps its pod looking healthy forever.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        if (!Workload.IsLongRunning(context.Object.Kind))
        {
            return;
        }

        foreach (var container in context.Spec.Containers)
        {
            if (container.LivenessProbe is null)
            {
                context.Report(Rule, container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
