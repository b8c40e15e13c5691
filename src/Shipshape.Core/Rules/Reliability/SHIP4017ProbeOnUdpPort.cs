using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>An HTTP, TCP or gRPC probe targets a port the container declares only for UDP (or SCTP).</summary>
public sealed class SHIP4017ProbeOnUdpPort : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ProbeOnUdpPort,
        title: "Probe checks a port declared only for UDP",
        messageFormat: "The {0} of {1} connects over TCP to port {2}, which the container declares only as {3}; nothing answers TCP there, so the probe always fails. Probe a TCP port, or use an exec probe",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "HTTP, TCP and gRPC probes connect over TCP; a port the container serves only over UDP (DNS, syslog, QUIC) never accepts the connection.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];

    private static readonly string[] TcpHandlers = ["httpGet", "tcpSocket", "grpc"];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.Ports.Count == 0)
            {
                continue;
            }

            foreach (var field in Probes)
            {
                if (container.Node.Mapping(field) is not { } probe)
                {
                    continue;
                }

                foreach (var handler in TcpHandlers)
                {
                    if (probe.Mapping(handler)?.Scalar("port") is { IsNull: false } portNode
                        && IntOrString.From(portNode) is { } port
                        && OnlyNonTcpProtocol(container, port) is { } protocol)
                    {
                        context.Report(Rule, portNode, field, container.Describe(), port, protocol);
                    }
                }
            }
        }
    }

    /// <summary>The protocol of the declared port when every declaration of it is not TCP; null when one is TCP or none matches.</summary>
    private static string? OnlyNonTcpProtocol(Container container, IntOrString port)
    {
        string? other = null;
        foreach (var declared in container.Ports)
        {
            var matches = port.IsNumber ? declared.Number == port.Number : declared.Name == port.Name;
            if (!matches)
            {
                continue;
            }

            if (declared.Protocol == "TCP")
            {
                return null;
            }

            other = declared.Protocol;
        }

        return other;
    }
}
