using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A pod spec does not set <c>automountServiceAccountToken: false</c>, and the ServiceAccount it uses, when in the
/// linted set, does not either. Off by default: many pods rely on a ServiceAccount defined elsewhere.
/// </summary>
public sealed class SHIP3012ServiceAccountTokenAutomounted : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServiceAccountTokenAutomounted,
        title: "Service account token mounted by default",
        messageFormat: "Neither the pod nor its ServiceAccount '{0}' (when among the linted files) sets 'automountServiceAccountToken: false', so every container gets an API token that an intruder can use against the cluster; set it to false unless the pod calls the Kubernetes API",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Most applications never call the Kubernetes API, yet receive a token for it in every container by default.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var owner in context.Set.Objects)
        {
            if (owner.Kind == "PodTemplate" || owner.PodTemplate?.Spec is not { } podSpec)
            {
                continue;
            }

            var spec = podSpec.Node;
            var own = spec.Scalar("automountServiceAccountToken");
            if (own is not null && own.TryGetBoolean(out var mounts) && !mounts)
            {
                continue;
            }

            // The pod's own setting wins; only when it has none does its ServiceAccount's decide.
            var account = podSpec.ServiceAccountNode?.Value ?? "default";
            if (own is null && AccountOptsOut(context.Set, account, owner.Namespace))
            {
                continue;
            }

            context.Report(Rule, owner, own ?? (Syntax.Node)spec, account);
        }
    }

    private static bool AccountOptsOut(ObjectSet set, string account, string? ns)
    {
        foreach (var serviceAccount in set.Named("ServiceAccount", account, ns))
        {
            if (serviceAccount.Node.Flag("automountServiceAccountToken", expected: false) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
