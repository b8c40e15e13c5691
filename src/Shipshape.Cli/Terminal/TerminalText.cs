using System.Globalization;
using System.Text;

namespace Shipshape.Cli.Terminal;

/// <summary>
/// Text from the input (keys, names, file paths, source lines) made safe for a terminal: control characters are shown
/// as escapes (<c>\x1b</c>, <c>\n</c>), so a hostile manifest cannot move the cursor, recolour the screen, forge lines
/// or hide text. Also escaped: DEL, the C1 controls, the line and paragraph separators, and the bidirectional
/// overrides that can make a line read differently from what it holds.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            escaped.Append(Display(text[i]));
        }

        return escaped.ToString();
    }

    /// <summary>How one character is shown: itself, or its escape.</summary>
    public static string Display(char c) => !NeedsEscape(c) ? c.ToString() : c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        < '\u0100' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
        _ => "\\u{" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) + "}",
    };

    public static bool NeedsEscape(char c) =>
        c < ' ' || c is '\u007f' or (>= '\u0080' and <= '\u009f') or '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
