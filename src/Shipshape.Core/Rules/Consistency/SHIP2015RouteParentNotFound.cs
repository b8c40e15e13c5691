using Shipshape.Core.Analysis;
using Shipshape.Core.Model.GatewayApi;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A Gateway API route attaches to a Gateway the linted set does not define, although it defines Gateways in that namespace.</summary>
public sealed class SHIP2015RouteParentNotFound : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RouteParentNotFound,
        title: "Gateway API route attaches to a missing Gateway",
        messageFormat: "{0} attaches to Gateway '{1}', which the linted files do not define, although they define other Gateways in that namespace ({2}); the route is attached nowhere and serves no traffic: fix parentRefs",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A route serves traffic only through the Gateways its parentRefs name; a misspelt Gateway name leaves it unattached, with no error when applied.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var route in GatewayRoute.All(context.Set))
        {
            foreach (var parent in route.ParentRefs)
            {
                if (!parent.IsGateway || parent.Name is not { } name || !context.Set.HasAny("Gateway", parent.Namespace)
                    || GatewayRoute.FindGateway(context.Set, parent) is not null)
                {
                    continue;
                }

                var gateways = context.Set.OfKind("Gateway")
                    .Where(g => g.Group == GatewayRoute.Group && ObjectSet.SameNamespace(g.Namespace, parent.Namespace))
                    .Select(g => $"'{g.Name}'");
                context.Report(Rule, route.Object, parent.NameNode, route.Object.Identity.Describe(), name, string.Join(", ", gateways));
            }
        }
    }
}
