using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A pod sets no <c>priorityClassName</c>. Off by default: which PriorityClasses exist, and which one is the cluster's
/// default, is cluster configuration (Polaris's priorityClassNotSet).
/// </summary>
public sealed class SHIP4039PriorityClassMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.PriorityClassMissing,
        title: "No priority class",
        messageFormat: "{0} sets no priorityClassName, so it runs at the cluster's default priority: when nodes are full it cannot preempt less important pods, and may be preempted by any pod that has a class; set priorityClassName in the pod spec to one of the cluster's PriorityClasses",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "A pod's priority decides which pods the scheduler preempts when the cluster is full; without a class every pod has the same default priority.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        if (context.Spec.Node.Text("priorityClassName") is not { Length: > 0 })
        {
            context.Report(Rule, context.Spec.Node, context.Object.Identity.Describe());
        }
    }
}
