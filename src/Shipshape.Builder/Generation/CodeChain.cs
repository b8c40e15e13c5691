using System.Globalization;
using System.Text;

namespace Shipshape.Builder.Generation;

/// <summary>C# code that is rendered at an indentation: a builder chain, or a call that takes a YAML text.</summary>
internal interface ICode
{
    void Render(StringBuilder text, int indent);
}

/// <summary>A fluent builder expression being generated: <c>new Deployment()</c> and its calls, one per line.</summary>
internal sealed class CodeChain(string start) : ICode
{
    private readonly List<(string Method, object[] Arguments)> _calls = [];

    public int Count => _calls.Count;

    /// <summary>Adds <c>.Method(arguments)</c>; an argument is C# text or nested <see cref="ICode"/>.</summary>
    public CodeChain Call(string method, params object[] arguments)
    {
        _calls.Add((method, arguments));
        return this;
    }

    /// <summary>Takes back the calls added after the first <paramref name="count"/>.</summary>
    public void TruncateTo(int count) => _calls.RemoveRange(count, _calls.Count - count);

    public void Render(StringBuilder text, int indent)
    {
        text.Append(start);
        foreach (var (method, arguments) in _calls)
        {
            text.Append('\n').Append(' ', indent + 4).Append('.').Append(method).Append('(');
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                if (arguments[i] is ICode nested)
                {
                    nested.Render(text, indent + 4);
                }
                else
                {
                    text.Append((string)arguments[i]);
                }
            }

            text.Append(')');
        }
    }

    /// <summary>A C# string literal for <paramref name="value"/>, escaped so that it compiles to the same text.</summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            text.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) || IsLineSeparator(character) => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>Characters that end a line in C# source, which a literal cannot hold as they are.</summary>
    public static bool IsLineSeparator(char character) => character is '\u0085' or '\u2028' or '\u2029';
}

/// <summary>
/// <c>Method(yaml)</c>: YAML text handed to the builder as a string, a one-line literal when it fits on a line,
/// else a raw string literal indented with the code around it, so the YAML reads as YAML.
/// </summary>
internal sealed class YamlCall(string method, string yaml) : ICode
{
    public void Render(StringBuilder text, int indent)
    {
        text.Append(method).Append('(');
        var lines = yaml.TrimEnd('\n').Split('\n');
        if (lines.Length == 1 || yaml.Any(CodeChain.IsLineSeparator) || yaml.Contains('\r', StringComparison.Ordinal))
        {
            text.Append(CodeChain.Literal(lines.Length == 1 ? lines[0] : yaml)).Append(')');
            return;
        }

        // A raw literal's delimiter is longer than any run of quotes in its text.
        var quotes = new string('"', Math.Max(3, LongestQuoteRun(yaml) + 1));
        var margin = new string(' ', indent + 4);
        text.Append(quotes).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line.Length == 0 ? "" : margin).Append(line).Append('\n');
        }

        text.Append(margin).Append(quotes).Append(')');
    }

    private static int LongestQuoteRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var character in text)
        {
            run = character == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
