using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>The pod or a container sets <c>seccompProfile.type: Unconfined</c>.</summary>
public sealed class SHIP3021SeccompUnconfined : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SeccompUnconfined,
        title: "Seccomp explicitly unconfined",
        messageFormat: "{0} sets seccompProfile type Unconfined, so every system call reaches the node's kernel; the Pod Security Standards' baseline profile forbids it. Use RuntimeDefault",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Seccomp filters the system calls a container can make; Unconfined turns the filter off.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var (securityContext, subject) in context.Spec.SecurityContexts())
        {
            Check(context, securityContext, subject);
        }
    }

    private static void Check(PodAnalysisContext context, Syntax.MappingNode? securityContext, string who)
    {
        if (securityContext?.Mapping("seccompProfile")?.Scalar("type") is { Value: "Unconfined" } type)
        {
            context.Report(Rule, type, who);
        }
    }
}
