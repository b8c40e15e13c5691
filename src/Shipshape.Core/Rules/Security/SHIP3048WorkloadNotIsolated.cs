using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>No NetworkPolicy selects a workload's pods, although the linted set holds NetworkPolicies in its namespace.</summary>
public sealed class SHIP3048WorkloadNotIsolated : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WorkloadNotIsolated,
        title: "Workload not isolated by any NetworkPolicy",
        messageFormat: "No NetworkPolicy selects the pods of {0}, although the linted files hold NetworkPolicies for its namespace; its pods accept connections from every pod of the cluster and may connect anywhere: add their labels to a policy's podSelector, or add a default-deny policy (podSelector: {{}}) to the namespace",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "A pod that no NetworkPolicy selects is not isolated: any pod of the cluster can reach it, and it can reach anything. In a namespace that uses policies, such a pod is usually one the policies forgot.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var isolated = new HashSet<KubeObject>(ReferenceEqualityComparer.Instance);
        var isolatedNamespaces = new HashSet<string>(StringComparer.Ordinal);
        var isolatesEveryNamespace = false;
        foreach (var policy in context.Set.OfKind("NetworkPolicy").Where(NetworkPolicy.Is))
        {
            if (NetworkPolicy.PodSelector(policy) is { } selector)
            {
                isolated.UnionWith(context.Set.PodsMatching(selector, policy.Namespace));
            }
            else if (policy.Namespace is { } ns)
            {
                isolatedNamespaces.Add(ns);
            }
            else
            {
                // Without a namespace, a select-all policy goes wherever it is applied: it may isolate any workload.
                isolatesEveryNamespace = true;
            }
        }

        if (isolatesEveryNamespace)
        {
            return;
        }

        foreach (var owner in context.Set.PodOwners)
        {
            // Only where the set holds policies; a CNI plug-in's own policy kinds (custom resources) may isolate the pods instead.
            if (isolated.Contains(owner)
                || !context.Set.HasAnyInExactNamespace("NetworkPolicy", owner.Namespace)
                || context.Set.HasCustomResourcesIn(owner.Namespace)
                || (owner.Namespace is { } ns ? isolatedNamespaces.Contains(ns) : isolatedNamespaces.Count > 0))
            {
                continue;
            }

            context.Report(Rule, owner, owner.PodTemplate!.Metadata.Node?.KeyNode("labels"), owner.Identity.Describe());
        }
    }
}
