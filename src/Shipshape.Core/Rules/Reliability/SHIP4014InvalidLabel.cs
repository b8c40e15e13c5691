using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A label key or value breaks the Kubernetes label syntax wherever labels appear: the object's and its pod template's
/// labels, its selector (matchLabels and matchExpressions), a Service's selector and a pod's nodeSelector; or an
/// annotation key breaks the same key syntax.
/// </summary>
public sealed class SHIP4014InvalidLabel : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InvalidLabel,
        title: "Label key or value is not valid",
        messageFormat: "{0} '{1}' is not valid: {2}; the API server rejects the object",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Error,
        description: "Label (and annotation) keys are an optional DNS-subdomain prefix and a name of at most 63 characters; label values are at most 63 characters of letters, digits, '-', '_' and '.', starting and ending alphanumeric.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeObject);

    private static void AnalyzeObject(ObjectAnalysisContext context)
    {
        var target = context.Object;
        Check(context, target.Metadata.Labels, "Label");
        CheckKeys(context, target.Metadata.Annotations, "Annotation key");
        if (target.PodTemplate is { } pod && !ReferenceEquals(pod.Metadata, target.Metadata))
        {
            Check(context, pod.Labels, "Label");
            CheckKeys(context, pod.Metadata.Annotations, "Annotation key");
        }

        var selector = target switch
        {
            Workload workload => workload.Selector,
            Service service => service.Selector,
            _ => null,
        };
        if (selector is not null)
        {
            Check(context, selector.MatchLabels, "Selector label");
            foreach (var requirement in selector.MatchExpressions)
            {
                CheckExpression(context, requirement);
            }
        }

        if (target.PodTemplate?.Spec?.Node["nodeSelector"] is MappingNode nodeSelector)
        {
            Check(context, LabelMap.From(nodeSelector), "nodeSelector label");
        }
    }

    private static void Check(ObjectAnalysisContext context, LabelMap labels, string what)
    {
        foreach (var label in labels.Entries)
        {
            if (DnsNames.LabelKeyProblem(label.Key) is { } keyProblem)
            {
                context.Report(Rule, label.KeyNode, what + " key", label.Key, keyProblem);
            }

            if (DnsNames.LabelValueProblem(label.Value) is { } valueProblem)
            {
                context.Report(Rule, label.ValueNode, what + " value", label.Value, valueProblem);
            }
        }
    }

    private static void CheckKeys(ObjectAnalysisContext context, LabelMap annotations, string what)
    {
        foreach (var annotation in annotations.Entries)
        {
            if (DnsNames.LabelKeyProblem(annotation.Key) is { } keyProblem)
            {
                context.Report(Rule, annotation.KeyNode, what, annotation.Key, keyProblem);
            }
        }
    }

    private static void CheckExpression(ObjectAnalysisContext context, SelectorRequirement requirement)
    {
        if (DnsNames.LabelKeyProblem(requirement.Key) is { } keyProblem)
        {
            context.Report(Rule, requirement.Node.Scalar("key"), "Selector expression key", requirement.Key, keyProblem);
        }

        // Only In and NotIn compare values; Exists and DoesNotExist take none.
        if (requirement.Operator is not ("In" or "NotIn"))
        {
            return;
        }

        foreach (var value in requirement.Node.Sequence("values")?.Scalars ?? [])
        {
            if (DnsNames.LabelValueProblem(value.Value) is { } valueProblem)
            {
                context.Report(Rule, value, "Selector expression value", value.Value, valueProblem);
            }
        }
    }
}
