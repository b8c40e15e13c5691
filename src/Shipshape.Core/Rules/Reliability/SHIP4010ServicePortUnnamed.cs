using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A Service has more than one port and one of them has no <c>name</c>.</summary>
public sealed class SHIP4010ServicePortUnnamed : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServicePortUnnamed,
        title: "Port of a multi-port Service has no name",
        messageFormat: "{0} of Service '{1}' has no name, but a Service with several ports must name each one (the API server rejects it); add a name such as 'http'",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Error,
        description: "Kubernetes requires every port of a multi-port Service to have a name, so that Endpoints and Ingresses can refer to it.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeService, "Service");

    private static void AnalyzeService(ObjectAnalysisContext context)
    {
        if (context.Object is not Service { Ports.Count: > 1 } service)
        {
            return;
        }

        for (var i = 0; i < service.Ports.Count; i++)
        {
            var port = service.Ports[i];
            if (string.IsNullOrEmpty(port.Name))
            {
                // An entry without a number (itself a schema error) is named by its position.
                var which = port.Port is { } number ? $"Port {number}" : $"Port entry {i + 1}";
                context.Report(Rule, port.PortNode ?? (Syntax.Node)port.Node, which, service.Name);
            }
        }
    }
}
