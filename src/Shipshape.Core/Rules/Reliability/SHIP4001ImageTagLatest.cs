using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container image has no tag, or the tag <c>latest</c>, and no digest.</summary>
public sealed class SHIP4001ImageTagLatest : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ImageTagLatest,
        title: "Image without a pinned tag",
        messageFormat: "Image '{0}' of {1} {2}, so each node may run a different build and a rollback cannot return to the old one; pin a version tag or a digest (image@sha256:…)",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "An image with no tag or the 'latest' tag changes under the same name: nodes pull different builds and rollbacks do not roll back.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.ImageNode is { IsNull: false } image && ImageReference.UnpinnedReason(image.Value) is { } reason)
            {
                context.Report(Rule, image, image.Value, container.Describe(), reason);
            }
        }
    }
}
