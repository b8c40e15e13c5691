using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container does not set <c>readOnlyRootFilesystem: true</c>.</summary>
public sealed class SHIP3009WritableRootFilesystem : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WritableRootFilesystem,
        title: "Root file system is writable",
        messageFormat: "{0} does not set 'securityContext.readOnlyRootFilesystem: true', so an intruder can write tools and change binaries inside it; set it to true and mount an emptyDir where the process must write",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "A read-only root file system stops an intruder from dropping tools into the container or changing its binaries.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            var securityContext = container.SecurityContext;
            if (securityContext.Flag("readOnlyRootFilesystem", expected: true) is null)
            {
                context.Report(Rule, securityContext?.Scalar("readOnlyRootFilesystem") ?? container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
