using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A HorizontalPodAutoscaler scales a workload the linted set does not define, although it defines others of that kind there.</summary>
public sealed class SHIP2008AutoscalerTargetNotFound : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.AutoscalerTargetNotFound,
        title: "HorizontalPodAutoscaler targets a workload missing from the set",
        messageFormat: "{0} scales {1} '{2}', which the linted files do not define, although they define other {1} objects in its namespace; the autoscaler reports FailedGetScale and scales nothing: fix scaleTargetRef or add the {1}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "An autoscaler whose scaleTargetRef names no object does nothing; the mistake shows only as an event on the autoscaler.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var autoscaler in context.Set.OfKind("HorizontalPodAutoscaler"))
        {
            var target = autoscaler.Spec?.Mapping("scaleTargetRef");
            if (target?.Text("kind") is not { } kind || target.Scalar("name") is not { IsNull: false } name)
            {
                continue;
            }

            // Only when the set holds objects of that kind there: otherwise the target was simply not linted with it.
            if (context.Set.HasAny(kind, autoscaler.Namespace) && !context.Set.Named(kind, name.Value, autoscaler.Namespace).Any())
            {
                context.Report(Rule, autoscaler, name, autoscaler.Identity.Describe(), kind, name.Value);
            }
        }
    }
}
