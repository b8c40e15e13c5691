using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A HorizontalPodAutoscaler's <c>minReplicas</c> is above its <c>maxReplicas</c>, or <c>maxReplicas</c> is below 1.</summary>
public sealed class SHIP1014HpaMinAboveMax : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.HpaMinAboveMax,
        title: "HorizontalPodAutoscaler replica bounds are inverted",
        messageFormat: "{0}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The API server requires maxReplicas of at least 1 and at least minReplicas.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeAutoscaler, "HorizontalPodAutoscaler");

    private static void AnalyzeAutoscaler(ObjectAnalysisContext context)
    {
        var spec = context.Object.Spec;
        if (spec?.Scalar("maxReplicas") is not { } maxNode || !maxNode.TryGetInt64(out var max))
        {
            return;
        }

        var owner = context.Object.Identity.Describe();
        if (max < 1)
        {
            context.Report(Rule, maxNode, $"maxReplicas {max} of {owner} is below 1; the API server rejects it. Allow at least 1 replica");
        }
        else if (spec.Scalar("minReplicas") is { } minNode && minNode.TryGetInt64(out var min) && min > max)
        {
            context.Report(Rule, minNode, $"minReplicas {min} of {owner} is above maxReplicas {max}; the API server rejects it. Lower minReplicas or raise maxReplicas");
        }
    }
}
