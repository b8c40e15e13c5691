using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container port sets <c>hostPort</c>.</summary>
public sealed class SHIP3010HostPortSet : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.HostPortSet,
        title: "Container port bound on the host",
        messageFormat: "Port {1} of {0} is bound on the node as hostPort {2}: it bypasses network policies and limits the pod to one per node; remove hostPort and expose the port through a Service (the Pod Security Standards' baseline profile forbids host ports)",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "A hostPort opens the port on the node itself, outside network policies, and ties the pod to nodes where the port is free.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var port in container.Ports)
            {
                if (port.HostPortNode is { } hostPort && hostPort.TryGetInt64(out var number) && number != 0)
                {
                    context.Report(Rule, hostPort, container.Describe(), port.Number, number);
                }
            }
        }
    }
}
