using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>The pod sets <c>hostNetwork</c>, <c>hostPID</c> or <c>hostIPC</c> to true.</summary>
public sealed class SHIP3004HostNamespaceShared : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.HostNamespaceShared,
        title: "Pod shares a host namespace",
        messageFormat: "The pod shares the host's {0} ('{1}: true'), so its containers {2}; remove it unless this is a node agent that needs it (the Pod Security Standards' baseline profile forbids it)",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "hostNetwork, hostPID and hostIPC put the pod into the node's own namespaces, removing a layer of isolation.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly (string Field, string Namespace, string Consequence)[] HostNamespaces =
    [
        ("hostNetwork", "network namespace", "can bind the node's ports and reach services listening on its loopback"),
        ("hostPID", "process namespace", "can see and signal every process on the node, and read their environment"),
        ("hostIPC", "IPC namespace", "can read the shared memory of every process on the node"),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var (field, name, consequence) in HostNamespaces)
        {
            if (context.Spec.Node.Flag(field, expected: true) is { } value)
            {
                context.Report(Rule, value, name, field, consequence);
            }
        }
    }
}
