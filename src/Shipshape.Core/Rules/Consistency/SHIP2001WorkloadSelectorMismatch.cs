using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A workload's selector does not select the pods its own template creates.</summary>
public sealed class SHIP2001WorkloadSelectorMismatch : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WorkloadSelectorMismatch,
        title: "Workload selector does not match its pod template labels",
        messageFormat: "The selector of {0} requires {1}, but the pod template's labels are {2}; the API server rejects this, so make the selector and the template labels agree",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Error,
        description: "A Deployment, ReplicaSet, StatefulSet, DaemonSet or Job must select the pods of its own template; otherwise the API rejects it ('selector does not match template labels').");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterObjectAction(AnalyzeWorkload, "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController");

    private static void AnalyzeWorkload(ObjectAnalysisContext context)
    {
        if (context.Object is not Workload { Selector: { IsEmpty: false } selector, PodTemplate: { } template } workload)
        {
            return;
        }

        var labels = template.Labels;
        var described = labels.Count == 0 ? "empty" : $"{{{labels.Describe()}}}";
        foreach (var required in selector.MatchLabels.Entries)
        {
            if (labels[required.Key] != required.Value)
            {
                context.Report(Rule, required.ValueNode, workload.Identity.Describe(), $"{required.Key}={required.Value}", described);
            }
        }

        foreach (var expression in selector.MatchExpressions)
        {
            if (!expression.Matches(labels))
            {
                context.Report(Rule, expression.Node, workload.Identity.Describe(), expression.Describe(), described);
            }
        }
    }
}
