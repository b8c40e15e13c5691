using Shipshape.Core.Analysis;

namespace Shipshape.Core.Suppression;

/// <summary>
/// The suppression step of the engine: marks each finding that a <c>shipshape.io/ignore</c> annotation or a
/// directive comment covers, with the reason given. Suppressed findings stay in the report (counted, and carried
/// by SARIF), so nothing is dropped silently.
/// </summary>
public static class SuppressionFilter
{
    /// <summary>Marks the findings of one file that its annotations or <paramref name="directives"/> cover.</summary>
    public static List<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, CommentDirectives directives)
    {
        var annotations = new Dictionary<Model.ObjectMeta, SuppressionList?>(ReferenceEqualityComparer.Instance);
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            result.Add(Marked(diagnostic, directives, annotations));
        }

        return result;
    }

    /// <param name="diagnostics">Every finding of the run.</param>
    /// <param name="directivesByFile">The comment directives of each file, by the path findings report.</param>
    public static List<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, CommentDirectives> directivesByFile)
    {
        var result = new List<Diagnostic>(diagnostics.Count);
        var annotations = new Dictionary<Model.ObjectMeta, SuppressionList?>(ReferenceEqualityComparer.Instance);
        foreach (var diagnostic in diagnostics)
        {
            result.Add(Marked(diagnostic, directivesByFile.TryGetValue(diagnostic.FilePath, out var directives) ? directives : CommentDirectives.None, annotations));
        }

        return result;
    }

    private static Diagnostic Marked(Diagnostic diagnostic, CommentDirectives directives, Dictionary<Model.ObjectMeta, SuppressionList?> annotations)
    {
        if (diagnostic.IsSuppressed)
        {
            return diagnostic;
        }

        var reason = AnnotationSuppression.SuppressionOf(diagnostic, annotations) ?? directives.SuppressionOf(diagnostic.Id, diagnostic.Span.Line);
        return reason is null ? diagnostic : diagnostic with { Suppression = reason };
    }
}
