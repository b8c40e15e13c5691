using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container sets <c>securityContext.privileged: true</c>.</summary>
public sealed class SHIP3001PrivilegedContainer : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PrivilegedContainer,
        title: "Privileged container",
        messageFormat: "{0} runs privileged: it has every capability and the host's devices, so escaping to the node is trivial; remove 'privileged: true' and add only the capabilities it needs (the Pod Security Standards' baseline profile forbids it)",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Error,
        description: "A privileged container has all capabilities and access to the host devices; it is effectively root on the node.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.SecurityContext.Flag("privileged", expected: true) is { } privileged)
            {
                context.Report(Rule, privileged, container.DescribeAsSubject());
            }
        }
    }
}
