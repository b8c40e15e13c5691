using Shipshape.Core.Analysis;

namespace Shipshape.Core.Suppression;

/// <summary>
/// The suppression step of the engine: marks each finding that a <c>shipshape.io/ignore</c> annotation or a
/// directive comment covers, with the reason given. Suppressed findings stay in the report (counted, and carried
/// by SARIF), so nothing is dropped silently.
/// </summary>
public static class SuppressionFilter
{
    /// <param name="diagnostics">Every finding of the run.</param>
    /// <param name="directivesByFile">The comment directives of each file, by the path findings report.</param>
    public static List<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, CommentDirectives> directivesByFile)
    {
        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            var reason = AnnotationSuppression.SuppressionOf(diagnostic);
            if (reason is null && directivesByFile.TryGetValue(diagnostic.FilePath, out var directives))
            {
                reason = directives.SuppressionOf(diagnostic.Id, diagnostic.Span.Line);
            }

            result.Add(reason is null || diagnostic.IsSuppressed ? diagnostic : diagnostic with { Suppression = reason });
        }

        return result;
    }
}
