using System.Text.RegularExpressions;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Loading;

/// <summary>
/// Recognises unrendered Go templates (Helm charts, Kustomize-less generators): <c>name: {{ .Values.name }}</c>
/// or <c>{{- include "labels" . }}</c> lines. They are either YAML syntax errors or odd flow mappings, so without
/// this a chart's template yields a cascade of misleading findings instead of one clear one.
/// </summary>
internal static partial class TemplateDetector
{
    /// <summary>
    /// The first template action that stands where YAML would read it as structure: at the start of a line,
    /// after a sequence dash, or as an unquoted value after a key. Quoted strings and comments are left alone,
    /// so Prometheus-style <c>"{{ $labels.instance }}"</c> values are not mistaken for templates.
    /// </summary>
    public static bool TryFindTemplateAction(string text, out SourceSpan span)
    {
        var line = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            line++;
            var (start, length) = range.GetOffsetAndLength(text.Length);
            var match = StructuralAction().Match(text, start, length);
            if (match.Success)
            {
                var column = match.Groups["action"].Index - start + 1;
                span = new SourceSpan(line, column, line, column + 2);
                return true;
            }
        }

        span = default;
        return false;
    }

    private const string StructuralActionPattern = @"\G[ \t]*(?:-[ \t]+)*(?:[^#'""\r\n{}]*?:[ \t]+)?(?<action>\{\{)[^\r\n]*\}\}";

#if NET
    [GeneratedRegex(StructuralActionPattern)]
    private static partial Regex StructuralAction();
#else
    // netstandard2.0 (the engine inside Roslyn hosts) has no regex source generator.
    private static readonly Regex StructuralActionRegex = new(StructuralActionPattern);

    private static Regex StructuralAction() => StructuralActionRegex;
#endif
}
