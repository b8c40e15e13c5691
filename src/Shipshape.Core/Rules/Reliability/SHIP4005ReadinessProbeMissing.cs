using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container of a long-running workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController) has no <c>readinessProbe</c>. Jobs, CronJobs and bare Pods are not checked.</summary>
public sealed class SHIP4005ReadinessProbeMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ReadinessProbeMissing,
        title: "Readiness probe missing",
        messageFormat: "{0} has no readinessProbe, so it receives traffic as soon as it starts, before it can answer, and during a rollout; add a readinessProbe that checks it can serve",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Without a readiness probe a container gets traffic before it is ready, and a bad rollout is not held back.");

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
            if (container.ReadinessProbe is null)
            {
                context.Report(Rule, container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
