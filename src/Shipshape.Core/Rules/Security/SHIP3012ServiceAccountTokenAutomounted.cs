using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A pod spec does not set <c>automountServiceAccountToken: false</c>. Off by default: many pods rely on their ServiceAccount's own setting.</summary>
public sealed class SHIP3012ServiceAccountTokenAutomounted : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServiceAccountTokenAutomounted,
        title: "Service account token mounted by default",
        messageFormat: "The pod does not set 'automountServiceAccountToken: false', so every container gets an API token that an intruder can use against the cluster; set it to false unless the pod calls the Kubernetes API",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Most applications never call the Kubernetes API, yet receive a token for it in every container by default.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        var spec = context.Spec.Node;
        if (spec.Flag("automountServiceAccountToken", expected: false) is null)
        {
            context.Report(Rule, spec.Scalar("automountServiceAccountToken") ?? (Syntax.Node)spec);
        }
    }
}
