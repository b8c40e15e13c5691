using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// An object that runs pods has the label <c>app.kubernetes.io/instance</c> with a value other than its
/// <c>metadata.name</c>. Off by default: the label names an instance of an application (a Helm release), which all of
/// its objects share (Polaris's metadataAndInstanceMismatched).
/// </summary>
public sealed class SHIP4035InstanceLabelMismatch : ManifestAnalyzer
{
    private const string InstanceLabel = "app.kubernetes.io/instance";

    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InstanceLabelMismatch,
        title: "Instance label differs from the name",
        messageFormat: "{0} has the label app.kubernetes.io/instance: {1}, which is not its name '{2}', so tools that go from the instance label to the object by name do not find it; set the label to '{2}' if your platform follows that convention",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Some platforms expect the app.kubernetes.io/instance label of a workload to equal its name, to find the workload from its pods' labels.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        // The object's own metadata, not its pod template's: the convention is about the workload (or the Pod) itself.
        var metadata = context.Object.Metadata;
        if (metadata.Name is { } name && metadata.Labels.TryGetValue(InstanceLabel, out var label) && label.Value != name)
        {
            context.Report(Rule, label.ValueNode, context.Object.Identity.Describe(), label.Value, name);
        }
    }
}
