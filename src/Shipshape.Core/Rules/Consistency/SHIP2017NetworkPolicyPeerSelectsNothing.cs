using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>
/// A peer of a NetworkPolicy's ingress or egress rule picks pods of the policy's namespace by labels no pod template of
/// the linted set has, although the set runs pods there.
/// </summary>
public sealed class SHIP2017NetworkPolicyPeerSelectsNothing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NetworkPolicyPeerSelectsNothing,
        title: "NetworkPolicy peer selects no pods in the linted set",
        messageFormat: "The '{0}' peer on line {1} of {2} selects pods with {{{3}}}, but no Pod or workload template in its namespace has those labels; {4}: fix the podSelector, or add a namespaceSelector if those pods run in another namespace",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A peer whose podSelector matches no pods admits nothing: the connections the rule was written for stay blocked once the policy isolates its pods.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var policy in context.Set.OfKind("NetworkPolicy").Where(NetworkPolicy.Is))
        {
            if (!context.Set.ShowsEveryPodIn(policy.Namespace))
            {
                continue;
            }

            foreach (var peer in NetworkPolicy.Peers(policy))
            {
                if (peer.SameNamespacePodSelector is { } selector && context.Set.PodsMatching(selector, policy.Namespace).Count == 0)
                {
                    var effect = peer.Field == "from"
                        ? "the rule admits no pod, so the clients it was written for stay blocked"
                        : "the rule lets the policy's pods reach no pod, so the servers it was written for stay out of their reach";
                    context.Report(Rule, policy, peer.Node.KeyNode("podSelector"), peer.Field, peer.Node.Span.Line, policy.Identity.Describe(), selector.Describe(), effect);
                }
            }
        }
    }
}
