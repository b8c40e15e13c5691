using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A label of the object or of its pod template breaks the Kubernetes label syntax.</summary>
public sealed class SHIP4014InvalidLabel : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InvalidLabel,
        title: "Label key or value is not valid",
        messageFormat: "Label {0} '{1}' is not valid: {2}; the API server rejects the object",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Error,
        description: "Label keys are an optional DNS-subdomain prefix and a name of at most 63 characters; values are at most 63 characters of letters, digits, '-', '_' and '.', starting and ending alphanumeric.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeObject);

    private static void AnalyzeObject(ObjectAnalysisContext context)
    {
        Check(context, context.Object.Metadata.Labels);
        if (context.Object.PodTemplate is { } pod && !ReferenceEquals(pod.Metadata, context.Object.Metadata))
        {
            Check(context, pod.Labels);
        }
    }

    private static void Check(ObjectAnalysisContext context, LabelMap labels)
    {
        foreach (var label in labels.Entries)
        {
            if (DnsNames.LabelKeyProblem(label.Key) is { } keyProblem)
            {
                context.Report(Rule, label.KeyNode, "key", label.Key, keyProblem);
            }

            if (DnsNames.LabelValueProblem(label.Value) is { } valueProblem)
            {
                context.Report(Rule, label.ValueNode, "value", label.Value, valueProblem);
            }
        }
    }
}
