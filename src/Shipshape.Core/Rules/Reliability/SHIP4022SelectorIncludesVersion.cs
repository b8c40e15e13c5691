using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A workload's selector includes a label that changes with each release (version, chart), though apps/v1 selectors
/// cannot be changed after creation.
/// </summary>
public sealed class SHIP4022SelectorIncludesVersion : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SelectorIncludesVersion,
        title: "Immutable selector includes a version label",
        messageFormat: "The selector of {0} includes label '{1}', which changes with each release, but a {2}'s selector cannot be changed after creation, so applying the next release is rejected ('field is immutable'); select on stable labels such as app.kubernetes.io/name and keep '{1}' on the pod template only",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "The selector of a Deployment, StatefulSet, DaemonSet or ReplicaSet is immutable; a label that changes per release in it blocks upgrades until the object is deleted and recreated.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterObjectAction(AnalyzeWorkload, "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");

    private static void AnalyzeWorkload(ObjectAnalysisContext context)
    {
        if (context.Object is not Workload { Selector: { } selector } workload)
        {
            return;
        }

        // A workload whose name carries the version (node-problem-detector-v0.1) is a new object per release, and its
        // selector rightly tells its pods from the previous release's.
        var name = workload.Name ?? string.Empty;
        foreach (var label in selector.MatchLabels.Entries)
        {
            if (ChangesPerRelease(label.Key) && !(label.Value.Length > 0 && name.Contains(label.Value, StringComparison.Ordinal)))
            {
                context.Report(Rule, label.KeyNode, workload.Identity.Describe(), label.Key, workload.Kind);
            }
        }

        foreach (var requirement in selector.MatchExpressions)
        {
            if (ChangesPerRelease(requirement.Key) && !requirement.Values.Any(v => v.Length > 0 && name.Contains(v, StringComparison.Ordinal)))
            {
                context.Report(Rule, requirement.Node.Scalar("key"), workload.Identity.Describe(), requirement.Key, workload.Kind);
            }
        }
    }

    private static bool ChangesPerRelease(string key) => key is "version" or "app.kubernetes.io/version" or "helm.sh/chart" or "chart";
}
