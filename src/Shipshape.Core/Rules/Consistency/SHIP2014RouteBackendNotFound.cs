using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Model.GatewayApi;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A Gateway API route sends traffic to a Service missing from the set, or to a port that Service does not expose.</summary>
public sealed class SHIP2014RouteBackendNotFound : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RouteBackendNotFound,
        title: "Gateway API route backend names a missing Service or port",
        messageFormat: "{0}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "A route's backendRefs must name a Service and one of its ports; otherwise the Gateway answers 500 for the requests of that rule (ResolvedRefs: False).");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var route in GatewayRoute.All(context.Set))
        {
            var describedRoute = route.Object.Identity.Describe();
            foreach (var backend in route.BackendRefs)
            {
                if (!backend.IsService || backend.Name is not { } name || !context.Set.HasAny("Service", backend.Namespace))
                {
                    continue;
                }

                var service = context.Set.Named("Service", name, backend.Namespace).OfType<Service>().FirstOrDefault();
                if (service is null)
                {
                    context.Report(
                        Rule,
                        route.Object,
                        backend.NameNode,
                        $"{describedRoute} sends traffic to Service '{name}', which the linted files do not define, although they define other Services in that namespace; requests to this rule fail: add the Service or fix the name");
                }
                else if (backend.Port is { } port && !service.Ports.Any(p => p.Port == port))
                {
                    var available = service.Ports.Count == 0 ? "no ports" : string.Join(", ", service.Ports.Select(p => p.Name is null ? $"{p.Port}" : $"{p.Port} ({p.Name})"));
                    context.Report(
                        Rule,
                        route.Object,
                        backend.PortNode,
                        $"{describedRoute} sends traffic to port {port} of {service.Identity.Describe()}, which exposes {available}; requests to this rule fail: use one of those ports (the Service's port, not its targetPort)");
                }
            }
        }
    }
}
