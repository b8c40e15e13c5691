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

    /// <summary>
    /// The first <c>{{ … }}</c> placeholder in an object's name, namespace or label values. Mustache-style generators
    /// (kubernetes/examples' <c>name: vttablet-{{uid}}</c>) leave files that read as YAML, but no API server accepts
    /// braces there, so such a file is a template and not a manifest. Only metadata is read: elsewhere (annotations,
    /// ConfigMap data, alert rules) placeholders are legitimate data.
    /// </summary>
    public static bool TryFindPlaceholderInIdentity(IReadOnlyList<ManifestDocument> documents, out SourceSpan span)
    {
        foreach (var document in documents)
        {
            if (document.Root is not MappingNode root || root.Mapping("metadata") is not { } metadata)
            {
                continue;
            }

            if (HasPlaceholder(metadata.Scalar("name"), out span) || HasPlaceholder(metadata.Scalar("namespace"), out span))
            {
                return true;
            }

            foreach (var label in metadata.Mapping("labels")?.Entries ?? [])
            {
                if (HasPlaceholder(label.Value as ScalarNode, out span))
                {
                    return true;
                }
            }
        }

        span = default;
        return false;
    }

    private static bool HasPlaceholder(ScalarNode? scalar, out SourceSpan span)
    {
        var open = scalar is null ? -1 : scalar.Value.IndexOf("{{", StringComparison.Ordinal);
        if (open >= 0 && scalar!.Value.IndexOf("}}", open, StringComparison.Ordinal) > open)
        {
            span = new SourceSpan(scalar.Span.Line, scalar.Span.Column, scalar.Span.Line, scalar.Span.Column + 2);
            return true;
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
