using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A container's image pull policy, as written or as the API defaults it, is not Always. Off by default: with a pinned
/// tag or digest IfNotPresent is right and spares the registry (Polaris's pullPolicyNotAlways, kube-score's
/// container-image-pull-policy).
/// </summary>
public sealed class SHIP4036PullPolicyNotAlways : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PullPolicyNotAlways,
        title: "Image pull policy is not Always",
        messageFormat: "{0} pulls its image with imagePullPolicy {1}{2}, so a node that already holds the image starts it without asking the registry, and a pod without the right imagePullSecrets can run a private image another pod pulled; set imagePullPolicy: Always",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Only imagePullPolicy: Always makes every container start check the registry, and with it the pod's right to pull the image.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.ImagePullPolicyNode is { IsNull: false } policy)
            {
                if (policy.Value != "Always")
                {
                    context.Report(Rule, policy, container.DescribeAsSubject(), policy.Value, string.Empty);
                }
            }
            else if (container.Image is { } image && ImageReference.UnpinnedReason(image) is null)
            {
                // Left out, the policy is Always for an untagged or latest image, IfNotPresent for a tag or digest.
                context.Report(Rule, container.Anchor, container.DescribeAsSubject(), "IfNotPresent", " (the default for an image with a version tag or digest)");
            }
        }
    }
}
