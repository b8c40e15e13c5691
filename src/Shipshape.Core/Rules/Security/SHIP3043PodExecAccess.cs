using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>A Role or ClusterRole lets its subjects exec into or attach to pods.</summary>
public sealed class SHIP3043PodExecAccess : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PodExecAccess,
        title: "RBAC rule grants exec or attach into pods",
        messageFormat: "{0} grants {1} on {2}, so its subjects can run commands inside the pods and use their service account tokens and mounted Secrets; grant it only to people who debug, not to workloads",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "pods/exec and pods/attach give a shell in running containers, with every credential those containers hold.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeRole, "Role", "ClusterRole");

    private static void AnalyzeRole(ObjectAnalysisContext context)
    {
        foreach (var rule in PolicyRule.Of(context.Object))
        {
            if (!rule.CoversCoreGroup)
            {
                continue;
            }

            // Exec and attach are POST (create); over WebSockets clusters before 1.31 checked get.
            var verbs = rule.Grants("create", "get").ToArray();
            if (verbs.Length == 0)
            {
                continue;
            }

            foreach (var resource in rule.Resources.Where(r => r.Value is "pods/exec" or "pods/attach" or "pods/*"))
            {
                context.Report(Rule, resource, PolicyRule.Describe(context.Object, rule), string.Join(", ", verbs), resource.Value);
            }
        }
    }
}
