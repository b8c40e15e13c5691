using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A Service's selector matches no pod template in the linted set: it would route nowhere.</summary>
public sealed class SHIP2002ServiceSelectsNothing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServiceSelectsNothing,
        title: "Service selector matches no pods in the linted set",
        messageFormat: "{0} selects pods with {1}, but no Pod or workload template in the linted files has those labels; the Service would have no endpoints. Fix the selector or the pod labels, or lint the files that define its pods together",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A Service whose selector matches no pods has no endpoints: connections to it fail although every object applies cleanly.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var service in context.Set.OfType<Service>())
        {
            if (!service.RoutesToSelectedPods)
            {
                continue;
            }

            if (context.Set.PodsMatching(service.Selector!, service.Namespace).Count == 0)
            {
                context.Report(Rule, service, service.SelectorKeyNode, service.Identity.Describe(), $"{{{service.Selector!.Describe()}}}");
            }
        }
    }
}
