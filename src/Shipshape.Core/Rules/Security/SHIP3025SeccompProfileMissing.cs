using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>Neither the pod nor a container sets <c>seccompProfile.type</c> RuntimeDefault or Localhost. Off by default; a Pod Security Standards preset turns it on.</summary>
public sealed class SHIP3025SeccompProfileMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SeccompProfileMissing,
        title: "No seccomp profile",
        messageFormat: "{0} has no seccomp profile, neither its own nor the pod's, so it may run without a system call filter; the Pod Security Standards' restricted profile requires one. Set securityContext.seccompProfile.type: RuntimeDefault on the pod",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Without a seccomp profile many runtimes run containers unconfined, with the whole kernel's system call surface open.",
        podSecurityProfile: PodSecurityProfile.Restricted);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        // Unconfined is SHIP3021's finding (baseline); here only a profile that is not there at all.
        if (HasProfile(context.Spec.SecurityContext))
        {
            return;
        }

        foreach (var container in context.Spec.AllContainers)
        {
            if (!HasProfile(container.SecurityContext))
            {
                context.Report(Rule, container.Anchor, container.DescribeAsSubject());
            }
        }
    }

    private static bool HasProfile(Syntax.MappingNode? securityContext) =>
        securityContext?.Mapping("seccompProfile")?.Scalar("type") is { IsNull: false };
}
