using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A NetworkPolicy's podSelector matches no pod template of the linted set, although the set runs pods in its namespace.</summary>
public sealed class SHIP2010NetworkPolicySelectsNothing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NetworkPolicySelectsNothing,
        title: "NetworkPolicy selects no pods in the linted set",
        messageFormat: "{0} applies to pods with {{{1}}}, but no Pod or workload template in its namespace has those labels; the policy isolates nothing: fix podSelector (an empty podSelector applies to every pod of the namespace)",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A network policy whose podSelector matches no pods is accepted and enforces nothing: the pods it was meant to isolate stay open.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var policy in context.Set.OfKind("NetworkPolicy").Where(NetworkPolicy.Is))
        {
            if (NetworkPolicy.PodSelector(policy) is not { } selector || !context.Set.ShowsEveryPodIn(policy.Namespace))
            {
                continue;
            }

            if (context.Set.PodsMatching(selector, policy.Namespace).Count == 0)
            {
                context.Report(Rule, policy, policy.Spec!.KeyNode("podSelector"), policy.Identity.Describe(), selector.Describe());
            }
        }
    }
}
