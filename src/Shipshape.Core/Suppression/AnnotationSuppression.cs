using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Suppression;

/// <summary>
/// The <c>shipshape.io/ignore</c> annotation: on an object it suppresses the listed rules for the whole object;
/// on a pod template's metadata, for the findings inside that template (its containers, volumes, pod settings).
/// </summary>
public static class AnnotationSuppression
{
    public const string AnnotationKey = "shipshape.io/ignore";

    /// <summary>The reason <paramref name="diagnostic"/> is suppressed by an annotation, or null.</summary>
    /// <param name="parsed">Each object's annotation as parsed, by its metadata: an object with thousands of findings and
    /// an annotation of thousands of IDs parses it once.</param>
    public static string? SuppressionOf(Diagnostic diagnostic, Dictionary<ObjectMeta, SuppressionList?> parsed)
    {
        if (diagnostic.Object is not { } target)
        {
            return null;
        }

        if (Covering(target.Metadata, diagnostic.Id, parsed) is { } reason)
        {
            return reason;
        }

        return target.PodTemplate is { Node: { } template } pod && Contains(template.Span, diagnostic.Span)
            ? Covering(pod.Metadata, diagnostic.Id, parsed)
            : null;
    }

    private static string? Covering(ObjectMeta metadata, string ruleId, Dictionary<ObjectMeta, SuppressionList?> parsed)
    {
        if (!parsed.TryGetValue(metadata, out var ids))
        {
            parsed[metadata] = ids = metadata.Annotations.TryGetValue(AnnotationKey, out var annotation) ? SuppressionList.Parse(annotation.Value) : null;
        }

        return ids is not null && ids.Covers(ruleId) ? ids.Reason ?? "annotation" : null;
    }

    private static bool Contains(Syntax.SourceSpan outer, Syntax.SourceSpan inner) =>
        (inner.Line, inner.Column).CompareTo((outer.Line, outer.Column)) >= 0
        && (inner.Line, inner.Column).CompareTo((outer.EndLine, outer.EndColumn)) <= 0;
}
