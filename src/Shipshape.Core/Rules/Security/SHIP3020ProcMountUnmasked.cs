using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container sets <c>procMount</c> to other than Default (Unmasked).</summary>
public sealed class SHIP3020ProcMountUnmasked : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ProcMountUnmasked,
        title: "/proc mounted unmasked",
        messageFormat: "{0} sets procMount '{1}', which exposes the paths of /proc the runtime masks (kernel memory, keys, sysrq); the Pod Security Standards' baseline profile allows only Default. Remove procMount",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "The default /proc mount masks paths that leak host information or allow changing the kernel.",
        podSecurityProfile: PodSecurityProfile.Baseline);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.SecurityContext?.Scalar("procMount") is { IsNull: false } procMount && procMount.Value != "Default")
            {
                context.Report(Rule, procMount, container.DescribeAsSubject(), procMount.Value);
            }
        }
    }
}
