using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model.Rbac;

/// <summary>One entry of a Role's or ClusterRole's <c>rules</c>: which verbs it grants on which resources of which API groups.</summary>
public sealed class PolicyRule
{
    public const string Group = "rbac.authorization.k8s.io";

    public PolicyRule(MappingNode node)
    {
        Node = node;
        ApiGroups = node.Scalars("apiGroups").ToArray();
        Resources = node.Scalars("resources").ToArray();
        Verbs = node.Scalars("verbs").ToArray();
        IsLimitedToNames = node.Sequence("resourceNames") is { Count: > 0 };
    }

    public MappingNode Node { get; }

    public IReadOnlyList<ScalarNode> ApiGroups { get; }

    public IReadOnlyList<ScalarNode> Resources { get; }

    public IReadOnlyList<ScalarNode> Verbs { get; }

    /// <summary>True when <c>resourceNames</c> limits the rule to named objects.</summary>
    public bool IsLimitedToNames { get; }

    /// <summary>The rules of a Role or ClusterRole of the RBAC API; none for any other object.</summary>
    public static IEnumerable<PolicyRule> Of(KubeObject role) =>
        role.Group == Group && role.Kind is "Role" or "ClusterRole"
            ? role.Node.Sequence("rules")?.Mappings.Select(r => new PolicyRule(r)) ?? []
            : [];

    /// <summary>Whether the rule covers the core API group (where pods and secrets live).</summary>
    public bool CoversCoreGroup => CoversAnyGroup([string.Empty]);

    /// <summary>Whether the rule covers one of <paramref name="groups"/> (a resource served by several, as Deployments were by apps and extensions).</summary>
    public bool CoversAnyGroup(IReadOnlyCollection<string> groups) => ApiGroups.Any(g => g.Value == "*" || groups.Contains(g.Value));

    /// <summary>The verbs, among <paramref name="verbs"/> (or "every verb ('*')"), that the rule grants, in its order.</summary>
    public IEnumerable<string> Grants(params string[] verbs)
    {
        // A loop, not a LINQ chain ending in Select: see SequenceNode.Mappings.
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verb in Verbs)
        {
            var grant = verb.Value == "*" ? "every verb ('*')" : verbs.Contains(verb.Value) ? verb.Value : null;
            if (grant is not null && granted.Add(grant))
            {
                yield return grant;
            }
        }
    }

    /// <summary>The resource entry named exactly <paramref name="resource"/>, where findings about it are reported.</summary>
    public ScalarNode? Resource(string resource) => Resources.FirstOrDefault(r => r.Value == resource);

    /// <summary>"The rule on line 12 of ClusterRole 'x'": how messages, which start with it, name a rule.</summary>
    public static string Describe(KubeObject role, PolicyRule rule) => $"The rule on line {rule.Node.Span.Line} of {role.Identity.Describe()}";
}

/// <summary>A RoleBinding's or ClusterRoleBinding's <c>roleRef</c> and <c>subjects</c>.</summary>
public static class RoleBinding
{
    /// <summary>Whether <paramref name="item"/> is a RoleBinding or ClusterRoleBinding of the RBAC API.</summary>
    public static bool IsBinding(KubeObject item) => item.Group == PolicyRule.Group && item.Kind is "RoleBinding" or "ClusterRoleBinding";

    /// <summary>The entries of <c>subjects</c> that are mappings.</summary>
    public static IEnumerable<MappingNode> Subjects(KubeObject binding) => binding.Node.Sequence("subjects")?.Mappings ?? [];
}
