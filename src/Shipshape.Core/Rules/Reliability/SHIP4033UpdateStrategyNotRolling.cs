using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A Deployment's <c>strategy.type</c> is not RollingUpdate, a DaemonSet's or StatefulSet's <c>updateStrategy.type</c> is
/// not RollingUpdate, or an OpenShift DeploymentConfig's <c>strategy.type</c> is not Rolling. Off by default: Recreate is
/// right for a workload that must never run twice (kube-linter's no-rolling-update-strategy, kube-score's deployment-strategy).
/// </summary>
public sealed class SHIP4033UpdateStrategyNotRolling : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.UpdateStrategyNotRolling,
        title: "Update strategy is not rolling",
        messageFormat: "{0} uses the update strategy {1}, which {2}; use {3}, unless the pods must never run two versions at once or be replaced by hand",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "A rolling update replaces pods a few at a time, so the workload keeps serving while a new version rolls out.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterObjectAction(AnalyzeWorkload, "Deployment", "DaemonSet", "StatefulSet", "DeploymentConfig");

    private static void AnalyzeWorkload(ObjectAnalysisContext context)
    {
        var (field, rolling) = context.Object.Kind switch
        {
            "Deployment" => ("strategy", "RollingUpdate"),
            "DeploymentConfig" => ("strategy", "Rolling"),
            _ => ("updateStrategy", "RollingUpdate"),
        };

        // A strategy left out is the rolling one: every kind here defaults to it.
        if (context.Object.Spec?.Mapping(field)?.Scalar("type") is not { IsNull: false } type || type.Value == rolling)
        {
            return;
        }

        var consequence = type.Value switch
        {
            "Recreate" => "stops every old pod before it starts a new one, so the workload serves nothing for the length of each rollout",
            "OnDelete" => "replaces a pod only when someone deletes it, so a changed template reaches no running pod by itself",
            _ => "does not replace the pods a few at a time while the others keep serving",
        };
        context.Report(Rule, type, context.Object.Identity.Describe(), type.Value, consequence, rolling);
    }
}
