using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Core.Schema.JsonSchema;

/// <summary>
/// A <c>pattern</c> (or <c>patternProperties</c> name) of a schema: an ECMA-262 regular expression, as JSON Schema
/// says, run by .NET. Where .NET reads the same text differently it is translated (<c>\d</c> is ASCII digits only,
/// <c>$</c> is the very end). It runs without backtracking where .NET can (linear in the text: a CRD pattern that
/// backtracks catastrophically cannot stall a run); patterns that need backtracking (back-references, look-arounds)
/// run with a time limit, and the first value that exceeds it is reported once.
/// </summary>
internal sealed class SchemaPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;
    private int _timeoutReported;

    private SchemaPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as the schema gives it.</summary>
    public string Text { get; }

    /// <summary>Compiles <paramref name="text"/>, or returns null with the reason when .NET cannot read it.</summary>
    public static SchemaPattern? TryCreate(string text, out string? problem)
    {
        problem = null;
        var translated = Translate(text);
        try
        {
#if NET
            try
            {
                return new SchemaPattern(text, new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
            }
            catch (NotSupportedException)
            {
                // Back-references and look-arounds need the backtracking engine; it runs under MatchTimeout.
            }
#endif
            return new SchemaPattern(text, new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    /// <summary>Whether the pattern matches somewhere in <paramref name="value"/>; null when it ran out of time.</summary>
    public bool? IsMatch(string value)
    {
        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>True the first time only: a pattern that runs out of time is reported once, not for every value.</summary>
    public bool ClaimTimeoutReport() => Interlocked.Exchange(ref _timeoutReported, 1) == 0;

    public override string ToString() => Text;

    /// <summary>ECMA-262 meanings .NET spells differently: ASCII-only <c>\d</c> and <c>\w</c>, and <c>$</c> only at the end of the text.</summary>
    private static string Translate(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                text.Append(next switch
                {
                    'd' => inClass ? "0-9" : "[0-9]",
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'D' when !inClass => "[^0-9]",
                    'W' when !inClass => "[^a-zA-Z0-9_]",
                    _ => "\\" + next,
                });
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                text.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                text.Append(c);
                // A ']' right after '[' or '[^' is a literal in .NET but ends an empty class in ECMA-262: rare enough to keep .NET's reading.
            }
            else
            {
                text.Append(c == '$' ? "\\z" : c.ToString());
            }
        }

        return text.ToString();
    }
}
