using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A container declares a <c>containerPort</c> below 1024. Off by default: <c>containerPort</c> is informational, and
/// binding a low port needs root or NET_BIND_SERVICE, which SHIP3003 and SHIP3026 govern (kube-linter's privileged-ports).
/// </summary>
public sealed class SHIP3053PrivilegedPort : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PrivilegedPort,
        title: "Container port below 1024",
        messageFormat: "{0} declares port {1}, below 1024, which only root or a process with the NET_BIND_SERVICE capability may bind; listen on a port of 1024 or above (such as 8080) and let the Service map its port 80 to it",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Ports below 1024 are privileged: a process that binds one must run as root or keep NET_BIND_SERVICE, rights a container should not need.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var (container, port) in context.Spec.NumberedPorts())
        {
            // Zero and negative numbers are SHIP1006's error.
            if (port.Number is > 0 and < 1024)
            {
                context.Report(Rule, port.NumberNode, container.DescribeAsSubject(), port.Describe());
            }
        }
    }
}
