using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container does not set <c>allowPrivilegeEscalation: false</c> (privileged containers are left to SHIP3001).</summary>
public sealed class SHIP3002PrivilegeEscalationAllowed : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PrivilegeEscalationAllowed,
        title: "Privilege escalation not disabled",
        messageFormat: "{0} does not set 'securityContext.allowPrivilegeEscalation: false', so a setuid binary in the image can gain more privileges than the process started with; set it to false (the Pod Security Standards' restricted profile requires it)",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Without allowPrivilegeEscalation: false, a process can gain privileges through setuid binaries or file capabilities.",
        podSecurityProfile: PodSecurityProfile.Restricted);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            var securityContext = container.SecurityContext;
            if (securityContext.Flag("allowPrivilegeEscalation", expected: false) is not null
                || securityContext.Flag("privileged", expected: true) is not null)
            {
                continue;
            }

            context.Report(Rule, securityContext?.Scalar("allowPrivilegeEscalation") ?? container.Anchor, container.DescribeAsSubject());
        }
    }
}
