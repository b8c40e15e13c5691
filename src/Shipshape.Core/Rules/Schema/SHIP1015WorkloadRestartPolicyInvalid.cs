using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Schema;

/// <summary>
/// The pod template of a controller that keeps its pods running (Deployment, ReplicaSet, StatefulSet, DaemonSet,
/// ReplicationController) sets a <c>restartPolicy</c> other than Always.
/// </summary>
public sealed class SHIP1015WorkloadRestartPolicyInvalid : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WorkloadRestartPolicyInvalid,
        title: "Controller pods must restart Always",
        messageFormat: "The pod template of {0} has restartPolicy '{1}', but the API server accepts only Always for the pods of a {2} and rejects the object; remove restartPolicy (it defaults to Always) or run the work as a Job",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "A Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController keeps its pods running, so their restartPolicy must be Always; OnFailure and Never are rejected.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterObjectAction(AnalyzeWorkload, "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController");

    private static void AnalyzeWorkload(ObjectAnalysisContext context)
    {
        // Unset, null and "" all default to Always.
        if (context.Object.PodTemplate?.Spec?.Node.Scalar("restartPolicy") is { IsNull: false, Value: { Length: > 0 } value } policy && value != "Always")
        {
            context.Report(Rule, policy, context.Object.Identity.Describe(), value, context.Object.Kind);
        }
    }
}
