using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>A Role or ClusterRole rule uses '*' in verbs, resources or apiGroups.</summary>
public sealed class SHIP3041RbacWildcard : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RbacWildcard,
        title: "RBAC rule uses a wildcard",
        messageFormat: "{0} uses '*' in {1}, which grants {2}, including those added to the cluster later; list the verbs, resources and API groups the subjects need",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "A wildcard in a role grants far more than intended, and silently grows with every new resource type and verb.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeRole, "Role", "ClusterRole");

    private static void AnalyzeRole(ObjectAnalysisContext context)
    {
        foreach (var rule in PolicyRule.Of(context.Object))
        {
            var wildcards = new (string Field, string Grants, Syntax.ScalarNode? Node)[]
            {
                ("verbs", "every verb", rule.Verbs.FirstOrDefault(v => v.Value == "*")),
                ("resources", "every resource", rule.Resources.FirstOrDefault(r => r.Value == "*")),
                ("apiGroups", "every API group", rule.ApiGroups.FirstOrDefault(g => g.Value == "*")),
            }.Where(w => w.Node is not null).ToArray();
            if (wildcards.Length > 0)
            {
                context.Report(
                    Rule,
                    wildcards[0].Node,
                    PolicyRule.Describe(context.Object, rule),
                    ProseList.JoinWithAnd(wildcards.Select(w => w.Field).ToArray()),
                    ProseList.JoinWithAnd(wildcards.Select(w => w.Grants).ToArray()));
            }
        }
    }
}
