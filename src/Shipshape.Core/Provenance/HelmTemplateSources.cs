using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Provenance;

/// <summary>
/// Which chart template each document of a <c>helm template</c> stream came from. Helm writes
/// <c># Source: mychart/templates/svc.yaml</c> at the top of every document it renders; a finding in that document
/// names the template (text, JSON <c>template</c>, SARIF related location), so a Helm user knows which file to fix.
/// A comment applies from its line to the next document marker (<c>---</c>); only comments at the start of a line
/// count, as Helm writes them.
/// </summary>
public sealed class HelmTemplateSources
{
    private const string Marker = "# Source: ";

    private readonly int[] _firstLines;
    private readonly int[] _endLines;
    private readonly string[] _templates;

    private HelmTemplateSources(List<(int First, int End, string Template)> ranges)
    {
        _firstLines = ranges.ConvertAll(r => r.First).ToArray();
        _endLines = ranges.ConvertAll(r => r.End).ToArray();
        _templates = ranges.ConvertAll(r => r.Template).ToArray();
    }

    /// <summary>
    /// The template ranges of a file, or null when it has no <c># Source:</c> comment (nearly every file: one
    /// vectorised search of its text, before the loader; the line scan runs only for rendered streams).
    /// </summary>
    public static HelmTemplateSources? Read(SourceFile file)
    {
        var text = file.Content;
        if (text.IndexOf(Marker.AsSpan(), StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var ranges = new List<(int First, int End, string Template)>();
        (int First, string Template)? open = null;
        var line = 1;
        for (var start = 0; start <= text.Length;)
        {
            var length = text.Slice(start).IndexOf('\n');
            var content = length < 0 ? text.Slice(start) : text.Slice(start, length);
            if (content.Length > 0 && content[content.Length - 1] == '\r')
            {
                content = content.Slice(0, content.Length - 1);
            }

            if (content.StartsWith(Marker.AsSpan(), StringComparison.Ordinal) || IsDocumentMarker(content))
            {
                if (open is { } current)
                {
                    ranges.Add((current.First, line, current.Template));
                    open = null;
                }

                var template = content.StartsWith(Marker.AsSpan(), StringComparison.Ordinal) ? content.Slice(Marker.Length).ToString().Trim() : string.Empty;
                if (template.Length > 0)
                {
                    open = (line, template);
                }
            }

            if (length < 0)
            {
                break;
            }

            start += length + 1;
            line++;
        }

        if (open is { } last)
        {
            ranges.Add((last.First, int.MaxValue, last.Template));
        }

        return ranges.Count == 0 ? null : new HelmTemplateSources(ranges);
    }

    /// <summary>The template that rendered <paramref name="line"/>, or null outside any.</summary>
    public string? TemplateAt(int line)
    {
        var index = Array.BinarySearch(_firstLines, line);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 && line < _endLines[index] ? _templates[index] : null;
    }

    /// <summary>Each finding in a rendered stream, with the template it came from.</summary>
    public static void Attribute(List<Diagnostic> diagnostics, IReadOnlyDictionary<string, HelmTemplateSources> byFile)
    {
        if (byFile.Count == 0)
        {
            return;
        }

        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (byFile.TryGetValue(diagnostics[i].FilePath, out var sources) && sources.TemplateAt(diagnostics[i].Span.Line) is { } template)
            {
                diagnostics[i] = diagnostics[i] with { Template = template };
            }
        }
    }

    /// <summary><c>---</c> alone or followed by a space or tab: a new document begins.</summary>
    private static bool IsDocumentMarker(ReadOnlySpan<char> line) =>
        line.StartsWith("---".AsSpan(), StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t');
}
