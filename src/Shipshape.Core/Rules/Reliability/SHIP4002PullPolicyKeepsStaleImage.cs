using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container with an untagged or <c>latest</c> image sets <c>imagePullPolicy</c> to <c>IfNotPresent</c> or <c>Never</c>.</summary>
public sealed class SHIP4002PullPolicyKeepsStaleImage : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PullPolicyKeepsStaleImage,
        title: "Pull policy keeps a stale latest image",
        messageFormat: "{0} uses the unpinned image '{1}' with imagePullPolicy {2}, so nodes keep whatever build they pulled first and never see updates; pin a version tag, or use imagePullPolicy: Always",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "With IfNotPresent or Never, a node that once pulled an unpinned image keeps running that build, even after the tag moves.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.ImagePullPolicyNode is { IsNull: false } policy && policy.Value is "IfNotPresent" or "Never"
                && container.Image is { } image && ImageReference.UnpinnedReason(image) is not null)
            {
                context.Report(Rule, policy, container.DescribeAsSubject(), image, policy.Value);
            }
        }
    }
}
