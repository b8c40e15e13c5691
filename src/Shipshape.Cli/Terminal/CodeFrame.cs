using System.Globalization;
using System.Text;
using Shipshape.Core.Analysis;
using Shipshape.Core.Syntax;

namespace Shipshape.Cli.Terminal;

/// <summary>
/// The offending source line under a finding, with a marker under the exact span, as rustc and ESLint draw it:
/// <code>
///   17 |         - containerPort: 80
///      |                          ^^
/// </code>
/// Control characters in the line are shown escaped (<see cref="TerminalText"/>), and the marker stays under the
/// characters it marks.
/// </summary>
public static class CodeFrame
{
    private const char Ellipsis = '…';

    /// <summary>The frame's two lines.</summary>
    /// <param name="gutterWidth">Digits the line numbers take, so the frames of one file line up.</param>
    public static (string Source, string Marker) Render(LineExcerpt excerpt, SourceSpan span, Severity severity, Palette palette, int gutterWidth)
    {
        const string indent = "  ";
        var number = span.Line.ToString(CultureInfo.InvariantCulture).PadLeft(gutterWidth);
        var source = new StringBuilder();
        var offsets = new int[excerpt.Text.Length + 1];
        if (excerpt.CutBefore)
        {
            source.Append(Ellipsis);
        }

        for (var i = 0; i < excerpt.Text.Length; i++)
        {
            // A surrogate pair is one character on screen; a lone surrogate, like a control character, shows as its escape.
            var pair = char.IsHighSurrogate(excerpt.Text[i]) && i + 1 < excerpt.Text.Length && char.IsLowSurrogate(excerpt.Text[i + 1]);
            offsets[i] = source.Length;
            source.Append(SafeText.Escape(excerpt.Text.Substring(i, pair ? 2 : 1)));
            if (pair)
            {
                offsets[++i] = offsets[i - 1];
            }
        }

        offsets[excerpt.Text.Length] = source.Length;
        if (excerpt.CutAfter)
        {
            source.Append(Ellipsis);
        }

        // The span's first and last character within the window; a span that goes on to later lines is marked to the
        // end of this one, and a position past the end of the line (a missing value at the end of a file) gets one mark.
        var from = span.Column - excerpt.FirstColumn;
        var to = span.EndLine == span.Line ? span.EndColumn - excerpt.FirstColumn : excerpt.Text.Length;
        from = Math.Clamp(from, 0, excerpt.Text.Length);
        to = Math.Clamp(to, from, excerpt.Text.Length);
        var start = offsets[from] + (span.Column - excerpt.FirstColumn > excerpt.Text.Length ? span.Column - excerpt.FirstColumn - excerpt.Text.Length : 0);
        var width = Math.Max(1, offsets[to] - offsets[from]);

        var gutter = new string(' ', number.Length);
        var sourceLine = indent + palette.Gutter(number + " |") + (source.Length > 0 ? " " + source : string.Empty);
        var markerLine = indent + palette.Gutter(gutter + " |") + " " + new string(' ', start) + palette.Severity(severity, new string('^', width));
        return (sourceLine, markerLine);
    }
}
