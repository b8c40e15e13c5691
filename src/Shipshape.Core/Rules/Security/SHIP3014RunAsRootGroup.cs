using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container runs with group ID 0 (<c>runAsGroup: 0</c> on it, or on its pod and not overridden by every container).</summary>
public sealed class SHIP3014RunAsRootGroup : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RunAsRootGroup,
        title: "Container runs as the root group",
        messageFormat: "{0} runs with 'runAsGroup: 0', the root group, so it can read and write every file the root group owns in the image and on mounted volumes; set runAsGroup to a non-zero group ID",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        description: "Group 0 owns many system files; a process in it keeps root's group permissions even when its user is not root.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        var podGroup = context.Spec.SecurityContext?.Scalar("runAsGroup");
        var inherited = false;
        foreach (var container in context.Spec.AllContainers)
        {
            // The container's own setting overrides the pod's; a 0 on the pod is reported once, where it is written.
            if (container.SecurityContext?.Scalar("runAsGroup") is { } own)
            {
                if (IsRootGroup(own))
                {
                    context.Report(Rule, own, container.DescribeAsSubject());
                }
            }
            else
            {
                inherited = true;
            }
        }

        if (inherited && podGroup is not null && IsRootGroup(podGroup))
        {
            context.Report(Rule, podGroup, "The pod");
        }
    }

    private static bool IsRootGroup(Syntax.ScalarNode group) => group.TryGetInt64(out var id) && id == 0;
}
