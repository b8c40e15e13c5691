using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A container declares TCP port 22. Off by default: a port number says nothing about what listens on it (Git servers
/// serve SSH on 22 by design) (kube-linter's ssh-port).
/// </summary>
public sealed class SHIP3055SshPortExposed : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SshPortExposed,
        title: "Container exposes the SSH port",
        messageFormat: "{0} declares port {1}, the SSH port, so it likely runs an SSH server: another way into the cluster, with keys of its own to manage, where kubectl exec already gives a shell; remove the server, or keep it only if it is vetted and meant to serve",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "An SSH server in a container is an entry point outside Kubernetes' authentication and audit.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var (container, port) in context.Spec.NumberedPorts())
        {
            if (port.Number == 22 && port.Protocol == "TCP")
            {
                context.Report(Rule, port.NumberNode, container.DescribeAsSubject(), port.Describe());
            }
        }
    }
}
