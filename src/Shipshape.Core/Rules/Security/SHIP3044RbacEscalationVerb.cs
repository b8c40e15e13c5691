using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>A Role or ClusterRole grants escalate, bind or impersonate.</summary>
public sealed class SHIP3044RbacEscalationVerb : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RbacEscalationVerb,
        title: "RBAC rule grants escalate, bind or impersonate",
        messageFormat: "{0} grants '{1}', which {2}; its subjects can give themselves more than this role holds: remove the verb unless the subject manages RBAC itself",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "escalate and bind bypass RBAC's protection against granting permissions one does not hold; impersonate lets a subject act as any user, group or service account.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeRole, "Role", "ClusterRole");

    private static void AnalyzeRole(ObjectAnalysisContext context)
    {
        foreach (var rule in PolicyRule.Of(context.Object))
        {
            foreach (var verb in rule.Verbs)
            {
                var effect = verb.Value switch
                {
                    "escalate" => "lets its subjects create or change roles with permissions they do not hold",
                    "bind" => "lets its subjects bind roles with permissions they do not hold",
                    "impersonate" => "lets its subjects act as other users, groups or service accounts",
                    _ => null,
                };
                if (effect is not null)
                {
                    context.Report(Rule, verb, PolicyRule.Describe(context.Object, rule), verb.Value, effect);
                }
            }
        }
    }
}
