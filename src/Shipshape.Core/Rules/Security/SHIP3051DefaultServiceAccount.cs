using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A pod runs as its namespace's <c>default</c> ServiceAccount (it names none, or names <c>default</c>) with the token
/// mounted. Off by default: <c>default</c> is harmless while it has no grants, which SHIP3045 watches
/// (kube-linter's default-service-account).
/// </summary>
public sealed class SHIP3051DefaultServiceAccount : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DefaultServiceAccount,
        title: "Pod uses the default ServiceAccount",
        messageFormat: "{0} runs as its namespace's 'default' ServiceAccount with its token mounted, so it shares that account, and any grant later made to it, with every pod of the namespace that names none; create a ServiceAccount for the workload and set serviceAccountName, or set automountServiceAccountToken: false",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Every pod that names no ServiceAccount runs as the namespace's 'default' one, so a grant meant for one workload reaches all of them.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        // Without a token the account is no credential the pod holds.
        if (context.Spec.Node.Flag("automountServiceAccountToken", expected: false) is not null)
        {
            return;
        }

        var account = context.Spec.ServiceAccountNode;
        if (account is null || account.Value == "default")
        {
            context.Report(Rule, account ?? (Syntax.Node)context.Spec.Node, context.Object.Identity.Describe());
        }
    }
}
