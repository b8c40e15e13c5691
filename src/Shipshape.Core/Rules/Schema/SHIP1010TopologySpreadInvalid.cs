using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A <c>topologySpreadConstraints</c> entry has a maxSkew below 1, an unknown whenUnsatisfiable, an empty topologyKey, or repeats a key and policy.</summary>
public sealed class SHIP1010TopologySpreadInvalid : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.TopologySpreadInvalid,
        title: "Topology spread constraint is not valid",
        messageFormat: "{0}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The API server requires maxSkew of at least 1, whenUnsatisfiable DoNotSchedule or ScheduleAnyway, a non-empty topologyKey, minDomains of at least 1 and only with DoNotSchedule, and each topologyKey and whenUnsatisfiable pair at most once.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        if (context.Spec.Node.Sequence("topologySpreadConstraints") is not { } constraints)
        {
            return;
        }

        var owner = context.Object.Identity.Describe();
        HashSet<(string, string)>? seen = null;
        foreach (var constraint in constraints.Mappings)
        {
            if (constraint.Scalar("maxSkew") is { IsNull: false } skew && skew.TryGetInt64(out var maxSkew) && maxSkew < 1)
            {
                context.Report(Rule, skew, $"maxSkew {maxSkew} of a topology spread constraint of {owner} is below 1; the API server rejects it. Use 1 for the most even spread");
            }

            var policy = constraint.Text("whenUnsatisfiable");
            if (policy is not null and not ("DoNotSchedule" or "ScheduleAnyway"))
            {
                context.Report(Rule, constraint.Scalar("whenUnsatisfiable"), $"whenUnsatisfiable '{policy}' of a topology spread constraint of {owner} is neither DoNotSchedule nor ScheduleAnyway; the API server rejects it. Use one of those");
            }

            var key = constraint.Scalar("topologyKey");
            if (key is { } && (key.IsNull || key.Value.Length == 0))
            {
                context.Report(Rule, key, $"A topology spread constraint of {owner} has an empty topologyKey; the API server rejects it. Name a node label such as topology.kubernetes.io/zone");
            }

            if (constraint.Scalar("minDomains") is { IsNull: false } minDomainsNode && minDomainsNode.TryGetInt64(out var minDomains))
            {
                if (minDomains < 1)
                {
                    context.Report(Rule, minDomainsNode, $"minDomains {minDomains} of a topology spread constraint of {owner} is below 1; the API server rejects it. Leave it out or use at least 1");
                }
                else if (policy is not "DoNotSchedule")
                {
                    context.Report(Rule, minDomainsNode, $"minDomains of a topology spread constraint of {owner} is set, but whenUnsatisfiable is not DoNotSchedule; the API server rejects it. Use DoNotSchedule or leave minDomains out");
                }
            }

            if (key is { IsNull: false } && policy is not null)
            {
                seen ??= [];
                if (!seen.Add((key.Value, policy)))
                {
                    context.Report(Rule, key, $"Two topology spread constraints of {owner} use topologyKey '{key.Value}' with whenUnsatisfiable {policy}; the API server rejects the duplicate. Merge them into one");
                }
            }
        }
    }
}
