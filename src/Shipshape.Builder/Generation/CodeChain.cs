using System.Globalization;
using System.Text;

namespace Shipshape.Builder.Generation;

/// <summary>A fluent builder expression being generated: <c>new Deployment()</c> and its calls, one per line.</summary>
internal sealed class CodeChain(string start)
{
    private readonly List<(string Method, object[] Arguments)> _calls = [];

    public bool IsEmpty => _calls.Count == 0;

    /// <summary>Adds <c>.Method(arguments)</c>; an argument is C# text or a nested <see cref="CodeChain"/>.</summary>
    public CodeChain Call(string method, params object[] arguments)
    {
        _calls.Add((method, arguments));
        return this;
    }

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

                if (arguments[i] is CodeChain nested)
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
                _ when char.IsControl(character) => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";
}
