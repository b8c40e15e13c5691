using System.Text;
using System.Text.RegularExpressions;

namespace Shipshape.Core.Schema.JsonSchema;

/// <summary>
/// A <c>pattern</c> (or <c>patternProperties</c> name) of a schema: an ECMA-262 regular expression, as JSON Schema
/// says, run by .NET. Where .NET reads the same text differently it is translated (<c>\d</c> is ASCII digits only,
/// <c>$</c> is the very end). The regex is built when the first value is checked (most patterns of a CRD never see a
/// value) and runs on .NET's backtracking engine, cheap to build, under a time limit. A pattern that exceeds it once
/// (catastrophic backtracking, as in <c>^(a+)+$</c>) is rebuilt for the non-backtracking engine, linear in the text;
/// one that engine cannot run (back-references, look-arounds) is reported once and then no longer checked, so no
/// pattern can stall a run.
/// </summary>
internal sealed class SchemaPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly string _translated;
    private Regex? _regex;
    private bool _gaveUp;
    private bool _timedOut;
    private int _timeoutReported;

    private SchemaPattern(string text, string translated)
    {
        Text = text;
        _translated = translated;
    }

    /// <summary>The pattern as the schema gives it.</summary>
    public string Text { get; }

    /// <summary>
    /// The pattern, or null with the reason when .NET cannot read it. Only a strict reader (a schema file)
    /// builds the regex now to find out; otherwise an unreadable pattern is found, and skipped, at its first value.
    /// </summary>
    public static SchemaPattern? TryCreate(string text, bool checkNow, out string? problem)
    {
        problem = null;
        var pattern = new SchemaPattern(text, Translate(text));
        if (checkNow)
        {
            try
            {
                pattern._regex = new Regex(pattern._translated, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException exception)
            {
                problem = exception.Message;
                return null;
            }
        }

        return pattern;
    }

    /// <summary>Whether the pattern matches somewhere in <paramref name="value"/>; null when it cannot tell (too slow, or unreadable).</summary>
    public bool? IsMatch(string value)
    {
        if (_gaveUp)
        {
            return null;
        }

        try
        {
            var regex = _regex ??= new Regex(_translated, RegexOptions.CultureInvariant, MatchTimeout);
            return regex.IsMatch(value);
        }
        catch (ArgumentException)
        {
            // Not a regex .NET reads (ECMA-262 and .NET differ in corners): not checked rather than misjudged.
            _gaveUp = true;
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return IsMatchWithoutBacktracking(value);
        }
    }

    /// <summary>
    /// True the first time only, for a pattern given up on because it ran out of time: reported once, not for every
    /// value. (One .NET cannot read is skipped without a report in CRD schemas, whose patterns are Go's RE2 dialect.)
    /// </summary>
    public bool ClaimTimeoutReport() => _timedOut && Interlocked.Exchange(ref _timeoutReported, 1) == 0;

    public override string ToString() => Text;

    private bool? IsMatchWithoutBacktracking(string value)
    {
#if NET
        try
        {
            // Every later value of this pattern uses the linear engine too. Two threads may build it at once; either serves.
            var regex = new Regex(_translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            _regex = regex;
            return regex.IsMatch(value);
        }
        catch (NotSupportedException)
        {
            // Back-references and look-arounds need backtracking.
        }
#endif
        _timedOut = true;
        _gaveUp = true;
        return null;
    }
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
