using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>Neither the container nor its pod guarantees a non-root user (<c>runAsNonRoot: true</c> or <c>runAsUser</c> other than 0).</summary>
public sealed class SHIP3003RunAsNonRootNotSet : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RunAsNonRootNotSet,
        title: "Container may run as root",
        messageFormat: "{0} may run as root: neither it nor the pod sets 'runAsNonRoot: true' or a non-zero 'runAsUser'; set securityContext.runAsNonRoot: true and run the image as a numeric non-root user (the Pod Security Standards' restricted profile requires runAsNonRoot: true)",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "A container that runs as root turns any escape or writable host mount into root on the node.",
        podSecurityProfile: PodSecurityProfile.Restricted);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        var podContext = context.Spec.SecurityContext;
        foreach (var container in context.Spec.AllContainers)
        {
            var own = container.SecurityContext;

            // The container's own settings override the pod's, field by field.
            var runAsNonRoot = own?.Scalar("runAsNonRoot") ?? podContext?.Scalar("runAsNonRoot");
            var runAsUser = own?.Scalar("runAsUser") ?? podContext?.Scalar("runAsUser");
            var nonRootRequired = runAsNonRoot is not null && runAsNonRoot.TryGetBoolean(out var required) && required;
            var nonRootUser = runAsUser is not null && runAsUser.TryGetInt64(out var user) && user != 0;
            if (!nonRootRequired && !nonRootUser)
            {
                context.Report(Rule, own?.Scalar("runAsNonRoot") ?? container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
