using Shipshape.Core.Analysis;
using Shipshape.Core.Model.GatewayApi;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>
/// A Gateway API route names a Gateway of the set, but no listener it may attach to admits it: the listener named by
/// sectionName (or port) is missing, or every candidate's allowedRoutes exclude the route's kind or namespace.
/// </summary>
public sealed class SHIP2016RouteNotAllowedByListener : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RouteNotAllowedByListener,
        title: "Gateway listener does not admit the route",
        messageFormat: "{0} attaches to {1}, but {2}; the Gateway does not accept the route (Accepted: False) and it serves no traffic: {3}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Error,
        description: "A Gateway accepts a route only on a listener whose allowedRoutes admit the route's kind and namespace; otherwise the route is refused and serves nothing.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var route in GatewayRoute.All(context.Set))
        {
            foreach (var parent in route.ParentRefs)
            {
                if (!parent.IsGateway || GatewayRoute.FindGateway(context.Set, parent) is not { } gateway)
                {
                    continue;
                }

                var listeners = GatewayListener.Of(gateway);
                var candidates = listeners.Where(l => (parent.SectionName is null || l.Name == parent.SectionName) && (parent.Port is null || l.Port == parent.Port)).ToArray();
                var describedRoute = route.Object.Identity.Describe();
                var describedGateway = gateway.Identity.Describe();
                if (candidates.Length == 0)
                {
                    if (listeners.Count > 0)
                    {
                        var wanted = parent.SectionName is { } section ? $"listener '{section}'" : "a listener";
                        context.Report(
                            Rule,
                            route.Object,
                            parent.SectionNameNode ?? parent.NameNode,
                            describedRoute,
                            describedGateway,
                            parent.Port is { } port ? $"it has no {wanted} on port {port}" : $"it has no {wanted}",
                            $"name one of its listeners ({string.Join(", ", listeners.Select(l => $"'{l.Name}' {l.Protocol}/{l.Port}"))})");
                    }

                    continue;
                }

                var refusals = new List<string>(candidates.Length);
                foreach (var listener in candidates)
                {
                    if (listener.Refuses(route, context.Set) is not { } refusal)
                    {
                        refusals.Clear();
                        break;
                    }

                    refusals.Add(refusal);
                }

                if (refusals.Count > 0)
                {
                    context.Report(
                        Rule,
                        route.Object,
                        parent.SectionNameNode ?? parent.NameNode,
                        describedRoute,
                        describedGateway,
                        string.Join("; ", refusals),
                        "widen the listener's allowedRoutes, or attach the route to a listener that admits it");
                }
            }
        }
    }
}
