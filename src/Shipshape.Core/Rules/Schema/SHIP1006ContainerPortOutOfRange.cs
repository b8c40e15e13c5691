using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A container port's <c>containerPort</c> is null or outside 1-65535, or its <c>hostPort</c> is outside 0-65535.</summary>
public sealed class SHIP1006ContainerPortOutOfRange : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ContainerPortOutOfRange,
        title: "Container port number missing or out of range",
        messageFormat: "{0}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The API server accepts a containerPort only from 1 to 65535 (and a hostPort from 1 to 65535, or 0 for none); the OpenAPI schema says only 'integer'.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var port in container.Ports)
            {
                // A missing containerPort is the schema's finding (required field); a null one passes the schema.
                if (port.NumberNode is { IsNull: true } nullPort)
                {
                    context.Report(Rule, nullPort, $"A port of {container.Describe()} has a null containerPort; the API server rejects the Pod. Set the port the process listens on, from 1 to 65535");
                }
                else if (port.Number is { } number and (< 1 or > 65535))
                {
                    context.Report(Rule, port.NumberNode, $"Port {number} of {container.Describe()} is outside 1-65535; the API server rejects the Pod. Use a port in range");
                }

                if (port.HostPortNode is { } hostPortNode && hostPortNode.TryGetInt64(out var hostPort) && hostPort is < 0 or > 65535)
                {
                    context.Report(Rule, hostPortNode, $"Host port {hostPort} of {container.Describe()} is outside 1-65535; the API server rejects the Pod. Use a port in range, or leave hostPort out");
                }
            }
        }
    }
}
