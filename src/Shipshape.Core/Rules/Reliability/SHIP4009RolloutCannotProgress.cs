using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A Deployment's <c>strategy.rollingUpdate</c> sets both <c>maxSurge</c> and <c>maxUnavailable</c> to 0 (or 0%).</summary>
public sealed class SHIP4009RolloutCannotProgress : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RolloutCannotProgress,
        title: "Rolling update can never progress",
        messageFormat: "maxSurge and maxUnavailable are both 0, so the Deployment may neither add a pod nor remove one and a rollout cannot start (the API server rejects it); let one of them be at least 1",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Error,
        description: "A rolling update with maxSurge: 0 and maxUnavailable: 0 cannot replace any pod.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeDeployment, "Deployment");

    private static void AnalyzeDeployment(ObjectAnalysisContext context)
    {
        var rollingUpdate = context.Object.Spec?.Mapping("strategy")?.Mapping("rollingUpdate");
        if (rollingUpdate?.Scalar("maxSurge") is { } surge && IsZero(surge) && rollingUpdate.Scalar("maxUnavailable") is { } unavailable && IsZero(unavailable))
        {
            context.Report(Rule, unavailable);
        }
    }

    private static bool IsZero(Syntax.ScalarNode value) => value.Value is "0" or "0%";
}
