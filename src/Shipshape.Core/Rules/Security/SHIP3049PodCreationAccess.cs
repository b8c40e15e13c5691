using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>A Role or ClusterRole lets its subjects create pods, or workloads whose controllers create pods for them.</summary>
public sealed class SHIP3049PodCreationAccess : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PodCreationAccess,
        title: "RBAC rule grants creating pods",
        messageFormat: "{0} grants {1} on {2}, so its subjects can start pods{3} that run under any ServiceAccount there and mount any Secret there; grant it only to the controllers and people that deploy, and bind the role in as few namespaces as possible",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Whoever may create pods, directly or through a workload, can run them under any ServiceAccount of the namespace and read every Secret they mount: it is as much as holding those accounts' permissions.");

    /// <summary>The resources whose creation starts pods, with the API groups that serve them (extensions served the apps kinds before 1.16).</summary>
    private static readonly (string Resource, string[] Groups)[] PodCreatingResources =
    [
        ("pods", [string.Empty]),
        ("replicationcontrollers", [string.Empty]),
        ("deployments", ["apps", "extensions"]),
        ("replicasets", ["apps", "extensions"]),
        ("daemonsets", ["apps", "extensions"]),
        ("statefulsets", ["apps"]),
        ("jobs", ["batch"]),
        ("cronjobs", ["batch"]),
    ];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeRole, "Role", "ClusterRole");

    private static void AnalyzeRole(ObjectAnalysisContext context)
    {
        foreach (var rule in PolicyRule.Of(context.Object))
        {
            // A '*' resource is SHIP3041's finding. resourceNames cannot limit create (a new object's name is not known
            // when it is authorized), so a rule that has them grants no create at all.
            if (rule.IsLimitedToNames || rule.Grants("create").ToArray() is not { Length: > 0 } verbs)
            {
                continue;
            }

            var granted = rule.Resources
                .Where(r => PodCreatingResources.Any(p => p.Resource == r.Value && rule.CoversAnyGroup(p.Groups)))
                .ToArray();
            if (granted.Length > 0)
            {
                context.Report(
                    Rule,
                    granted[0],
                    PolicyRule.Describe(context.Object, rule),
                    verbs[0],
                    string.Join(", ", granted.Select(r => r.Value).Distinct(StringComparer.Ordinal)),
                    context.Object.Kind == "ClusterRole" ? " in every namespace it is bound for" : " in the namespace");
            }
        }
    }
}
