using System.Globalization;
using System.Text;

namespace Shipshape.Cli.Terminal;

/// <summary>
/// Makes text from the input (file names, YAML keys and values, arguments) safe to print on a line of a terminal or a
/// CI log. A manifest is untrusted: a key holding a newline could start a line of its own that the GitHub runner obeys
/// as a workflow command (<c>::error</c>, <c>::add-mask::</c>), and an ESC or C1 byte could drive the terminal. Every
/// character that would break the line or steer the terminal is shown as an escape instead (<c>\n</c>, <c>\x1b</c>,
/// <c>\u2028</c>), so the line a person reads says what the input holds.
/// </summary>
public static class SafeText
{
    /// <summary>The text with every line break, control, C1, bidirectional-override and lone-surrogate character escaped.</summary>
    public static string Escape(string text)
    {
        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c))
            {
                AppendEscape(escaped, c);
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A path as it starts a printed line (<c>file:line:col: …</c>): escaped, and never starting with <c>::</c>, which the
    /// GitHub runner would read as a workflow command; <c>./::x.yaml</c> names the same file.
    /// </summary>
    public static string LineStartPath(string path)
    {
        var escaped = Escape(path);
        return escaped.StartsWith("::", StringComparison.Ordinal) ? "./" + escaped : escaped;
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// C0 controls and DEL; C1 controls (0x9B is a one-byte CSI to some terminals); NEL, LINE and PARAGRAPH SEPARATOR,
    /// which some readers take as line breaks; the bidirectional overrides and isolates, which reorder what a reader sees;
    /// surrogates that are not part of a pair; the noncharacters U+FFFE and U+FFFF. What is left is also text that
    /// XML 1.0 can carry, so the JUnit report uses the same escaping.
    /// </summary>
    private static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' ||
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || char.IsSurrogate(c);

    private static void AppendEscape(StringBuilder builder, char c)
    {
        _ = c switch
        {
            '\n' => builder.Append("\\n"),
            '\r' => builder.Append("\\r"),
            '\t' => builder.Append("\\t"),
            < '\u0100' => builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
            _ => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
        };
    }
}
