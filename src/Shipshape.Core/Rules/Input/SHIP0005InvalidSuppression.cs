using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Suppression;

namespace Shipshape.Core.Rules.Input;

/// <summary>
/// A suppression that cannot work: an unknown rule ID in a <c>shipshape.io/ignore</c> annotation or a directive
/// comment, a directive that names no rule, or a misspelt directive. Directive comments are checked while the
/// file's comments are read (<see cref="CommentDirectives"/>); annotations here.
/// </summary>
public sealed class SHIP0005InvalidSuppression : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InvalidSuppression,
        title: "Suppression names an unknown rule or is malformed",
        messageFormat: "This suppression has no effect: {0}",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Warning,
        description: "A shipshape.io/ignore annotation or a shipshape-disable comment names a rule that does not exist, or is not a directive Shipshape knows, so it suppresses nothing.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeObject);

    private static void AnalyzeObject(ObjectAnalysisContext context)
    {
        Check(context, context.Object.Metadata);
        if (context.Object.PodTemplate is { } pod && !ReferenceEquals(pod.Metadata, context.Object.Metadata))
        {
            Check(context, pod.Metadata);
        }
    }

    private static void Check(ObjectAnalysisContext context, ObjectMeta metadata)
    {
        if (!metadata.Annotations.TryGetValue(AnnotationSuppression.AnnotationKey, out var annotation))
        {
            return;
        }

        var ids = SuppressionList.Parse(annotation.Value);
        if (ids.Ids.Count == 0)
        {
            context.Report(Rule, annotation.ValueNode, $"the '{AnnotationSuppression.AnnotationKey}' annotation names no rule; list rule IDs such as \"SHIP2005, SHIP4001 -- reason\"");
            return;
        }

        foreach (var (id, _) in ids.Ids)
        {
            if (id != SuppressionList.AllId && RuleCatalog.Find(id) is null)
            {
                context.Report(Rule, annotation.ValueNode, $"'{id}' in the '{AnnotationSuppression.AnnotationKey}' annotation is not a Shipshape rule ID; check `shipshape rules` for the ID");
            }
        }
    }
}
