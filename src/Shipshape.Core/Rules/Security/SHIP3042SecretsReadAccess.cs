using Shipshape.Core.Analysis;
using Shipshape.Core.Model.Rbac;

namespace Shipshape.Core.Rules.Security;

/// <summary>A Role or ClusterRole lets its subjects get, list or watch Secrets, not limited by resourceNames.</summary>
public sealed class SHIP3042SecretsReadAccess : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SecretsReadAccess,
        title: "RBAC rule grants read access to Secrets",
        messageFormat: "{0} grants {1} on secrets, so its subjects can read every credential{2} (list and watch return the values too); limit the rule with resourceNames to the Secrets needed, or drop those verbs",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Reading Secrets gives away the credentials of every application and service account they hold; few subjects need more than a named few.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeRole, "Role", "ClusterRole");

    private static void AnalyzeRole(ObjectAnalysisContext context)
    {
        foreach (var rule in PolicyRule.Of(context.Object))
        {
            // A '*' resource or verb is SHIP3041's finding; this one names secrets explicitly.
            if (!rule.CoversCoreGroup || rule.IsLimitedToNames || rule.Resource("secrets") is not { } secrets)
            {
                continue;
            }

            var verbs = rule.Grants("get", "list", "watch").ToArray();
            if (verbs.Length > 0)
            {
                context.Report(
                    Rule,
                    secrets,
                    PolicyRule.Describe(context.Object, rule),
                    string.Join(", ", verbs),
                    context.Object.Kind == "ClusterRole" ? " in every namespace it is bound for" : " of the namespace");
            }
        }
    }
}
