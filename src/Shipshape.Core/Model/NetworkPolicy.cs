using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>One entry of a NetworkPolicy's ingress <c>from</c> or egress <c>to</c> list: the pods, namespaces or addresses a rule admits.</summary>
/// <param name="Field">"from" for an ingress rule's peer, "to" for an egress rule's.</param>
public sealed record NetworkPolicyPeer(string Field, MappingNode Node)
{
    /// <summary>
    /// The peer's podSelector when it picks pods of the policy's own namespace: not empty (an empty one admits every
    /// pod there) and without a namespaceSelector (which looks in other namespaces, even when empty).
    /// </summary>
    public LabelSelector? SameNamespacePodSelector =>
        Node["namespaceSelector"] is null && LabelSelector.FromStructured(Node["podSelector"]) is { IsEmpty: false } selector ? selector : null;
}

/// <summary>The selectors of a NetworkPolicy of the networking API: the pods it applies to and the peers its rules admit.</summary>
public static class NetworkPolicy
{
    /// <summary>
    /// Whether <paramref name="item"/> is a NetworkPolicy of networking.k8s.io; the CNI plug-ins' kinds of the same name
    /// (Calico's, for one) have other groups and other semantics.
    /// </summary>
    public static bool Is(KubeObject item) => item.Kind == "NetworkPolicy" && item.Group == "networking.k8s.io";

    /// <summary>The policy's podSelector, or null when it is empty or missing: then it applies to every pod of its namespace.</summary>
    public static LabelSelector? PodSelector(KubeObject policy) =>
        LabelSelector.FromStructured(policy.Spec?["podSelector"]) is { IsEmpty: false } selector ? selector : null;

    /// <summary>The peers of every ingress rule's <c>from</c> and every egress rule's <c>to</c>, in file order within each.</summary>
    public static IEnumerable<NetworkPolicyPeer> Peers(KubeObject policy) =>
        PeersOf(policy, "ingress", "from").Concat(PeersOf(policy, "egress", "to"));

    private static IEnumerable<NetworkPolicyPeer> PeersOf(KubeObject policy, string rules, string field) =>
        (policy.Spec?.Sequence(rules)?.Items ?? [])
            .OfType<MappingNode>()
            .SelectMany(rule => rule.Sequence(field)?.Items ?? [])
            .OfType<MappingNode>()
            .Select(peer => new NetworkPolicyPeer(field, peer));
}
