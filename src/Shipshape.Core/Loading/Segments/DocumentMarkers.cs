namespace Shipshape.Core.Loading.Segments;

/// <summary>
/// Lines and document markers as the YAML parser sees them, for cutting a text into documents: a line ends at
/// <c>\r\n</c>, <c>\n</c>, a lone <c>\r</c>, NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR (SharpYaml reads YAML 1.1),
/// so the line numbers of a piece are those of one reader of the whole text.
/// </summary>
internal static class DocumentMarkers
{
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>Where the line after the one starting at <paramref name="lineStart"/> starts, or -1 when it is the last.</summary>
    public static int NextLineStart(char[] text, int lineStart, int end)
    {
        var lineEnd = lineStart;
        while (lineEnd < end && !IsLineBreak(text[lineEnd]))
        {
            lineEnd++;
        }

        if (lineEnd >= end)
        {
            return -1;
        }

        return lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < end && text[lineEnd + 1] == '\n' ? 2 : 1);
    }

    /// <summary>A line that starts with <c>---</c> and a blank or its end: YAML forbids it inside any node.</summary>
    public static bool IsDocumentMarkerLine(char[] text, int lineStart, int end) =>
        lineStart + 3 <= end && text[lineStart] == '-' && text[lineStart + 1] == '-' && text[lineStart + 2] == '-'
        && (lineStart + 3 == end || text[lineStart + 3] is ' ' or '\t' || IsLineBreak(text[lineStart + 3]));
}
