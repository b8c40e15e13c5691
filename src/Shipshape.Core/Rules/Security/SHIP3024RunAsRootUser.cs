using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>The pod or a container sets <c>runAsUser: 0</c>. Off by default; a Pod Security Standards preset turns it on.</summary>
public sealed class SHIP3024RunAsRootUser : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RunAsRootUser,
        title: "Runs as user 0",
        messageFormat: "{0} sets 'runAsUser: 0', the root user; the Pod Security Standards' restricted profile forbids it. Run as a non-zero user ID and set runAsNonRoot: true",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Root in a container is root on the node after any escape.",
        podSecurityProfile: PodSecurityProfile.Restricted);

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
        if (securityContext?.Scalar("runAsUser") is { } user && user.TryGetInt64(out var id) && id == 0)
        {
            context.Report(Rule, user, who);
        }
    }
}
