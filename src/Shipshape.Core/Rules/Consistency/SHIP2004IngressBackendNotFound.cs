using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>An Ingress routes to a Service that is not in the linted set, or to a port that Service does not expose.</summary>
public sealed class SHIP2004IngressBackendNotFound : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.IngressBackendNotFound,
        title: "Ingress backend names a missing Service or port",
        messageFormat: "{0}",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "An Ingress backend must name a Service in the Ingress's namespace and one of that Service's ports; otherwise the controller answers 503 for the path.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var ingress in context.Set.OfType<Ingress>())
        {
            foreach (var backend in ingress.Backends)
            {
                if (backend.IsResource || backend.ServiceName is not { } serviceName)
                {
                    continue;
                }

                var service = context.Set.Named("Service", serviceName, ingress.Namespace).OfType<Service>().FirstOrDefault();
                if (service is null)
                {
                    context.Report(
                        Rule,
                        ingress,
                        backend.ServiceNameNode,
                        $"{ingress.Identity.Describe()} routes to Service '{serviceName}', which is not defined in the linted files; add the Service or fix the name");
                    continue;
                }

                if (backend.ServicePort is { } port && !service.Ports.Any(p => port.IsNumber ? p.Port == port.Number : p.Name == port.Name))
                {
                    var available = service.Ports.Count == 0
                        ? "no ports"
                        : string.Join(", ", service.Ports.Select(p => p.Name is null ? $"{p.Port}" : $"{p.Port} ({p.Name})"));
                    context.Report(
                        Rule,
                        ingress,
                        backend.ServicePortNode,
                        $"{ingress.Identity.Describe()} routes to port {port} of {service.Identity.Describe()}, which exposes {available}; use one of those ports");
                }
            }
        }
    }
}
