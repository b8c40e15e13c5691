using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A pod spec sets the deprecated <c>serviceAccount</c> field, an old alias of <c>serviceAccountName</c>.</summary>
public sealed class SHIP1016DeprecatedServiceAccountField : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DeprecatedServiceAccountField,
        title: "Deprecated serviceAccount field",
        messageFormat: "The pod spec of {0} sets serviceAccount '{1}', a deprecated alias of serviceAccountName{2}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Warning,
        description: "serviceAccount is a deprecated alias of serviceAccountName: the API server copies it only when serviceAccountName is empty, and ignores it otherwise.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        var spec = context.Spec.Node;
        if (spec.Text("serviceAccount") is not { Length: > 0 } deprecated)
        {
            return;
        }

        // The API server fills serviceAccountName from serviceAccount only when serviceAccountName is empty; otherwise the new field wins.
        var consequence = spec.Text("serviceAccountName") switch
        {
            null or "" => " that the API server copies into serviceAccountName; tools and readers look for serviceAccountName, so rename the field",
            var name when name == deprecated => "; serviceAccountName already names the same account, so remove serviceAccount",
            var name => $", and differs from serviceAccountName '{QuotedText.Cut(name)}', which the API server uses while it ignores serviceAccount; remove serviceAccount, or move its value to serviceAccountName if that is the account the pod needs",
        };
        context.Report(Rule, spec.KeyNode("serviceAccount"), context.Object.Identity.Describe(), deprecated, consequence);
    }
}
