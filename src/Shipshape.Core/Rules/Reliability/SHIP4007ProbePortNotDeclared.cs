using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A probe's <c>httpGet.port</c>, <c>tcpSocket.port</c> or <c>grpc.port</c> is a name missing from the container's <c>ports</c>.</summary>
public sealed class SHIP4007ProbePortNotDeclared : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ProbePortNotDeclared,
        title: "Probe names a port the container does not declare",
        messageFormat: "The {0} of {1} uses port '{2}', but the container declares no port of that name, so the kubelet cannot resolve it and the probe always fails; use a declared port name or a number",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Error,
        description: "A probe that names a port the container does not declare can never succeed: the pod never becomes ready, or is restarted in a loop.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly (string Field, string Name)[] Probes = [("livenessProbe", "livenessProbe"), ("readinessProbe", "readinessProbe"), ("startupProbe", "startupProbe")];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var (field, name) in Probes)
            {
                var probe = container.Node.Mapping(field);
                var port = probe?.Mapping("httpGet")?.Scalar("port") ?? probe?.Mapping("tcpSocket")?.Scalar("port");
                if (port is { IsNull: false } && IntOrString.From(port) is { Name: { } portName }
                    && !container.Ports.Any(p => p.Name == portName))
                {
                    context.Report(Rule, port, name, container.Describe(), portName);
                }
            }
        }
    }
}
