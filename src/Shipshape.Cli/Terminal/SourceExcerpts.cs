using System.Text;

namespace Shipshape.Cli.Terminal;

/// <summary>
/// A window of one source line: at most <see cref="SourceExcerpts.Width"/> characters around the column a finding
/// points at, with whether the line goes on before or after it.
/// </summary>
/// <param name="FirstColumn">The 1-based column of <paramref name="Text"/>'s first character.</param>
public sealed record LineExcerpt(string Text, int FirstColumn, bool CutBefore, bool CutAfter);

/// <summary>
/// Reads the lines findings point at, again, for code frames: the engine gives a file's text back once it is analysed
/// (see README, Performance), so the text report reads the files that have findings one at a time, in one pass each
/// that stops after the last line it needs, and keeps only a window of each line: memory stays bounded by the number
/// of findings, whatever the file's size or the length of its lines (a minified JSON manifest is one line).
/// </summary>
public static class SourceExcerpts
{
    /// <summary>Characters of a line shown at most.</summary>
    public const int Width = 200;

    /// <summary>Characters shown before the finding's column when the line must be cut.</summary>
    private const int Lead = 40;

    /// <summary>The window of each (line, column) in <paramref name="wanted"/> found in <paramref name="reader"/>'s text.</summary>
    public static Dictionary<(int Line, int Column), LineExcerpt> Read(TextReader reader, IEnumerable<(int Line, int Column)> wanted)
    {
        // Per line, the distinct window starts, sorted: several findings on one line share a window when they can.
        var startsByLine = new SortedDictionary<int, SortedSet<int>>();
        var startOf = new Dictionary<(int Line, int Column), int>();
        foreach (var (line, column) in wanted)
        {
            if (line < 1 || column < 1)
            {
                continue;
            }

            var start = column - 1 < Width - Lead ? 0 : column - 1 - Lead;
            startOf[(line, column)] = start;
            if (!startsByLine.TryGetValue(line, out var starts))
            {
                startsByLine[line] = starts = [];
            }

            starts.Add(start);
        }

        var windows = new Dictionary<(int Line, int Start), LineExcerpt>();
        if (startsByLine.Count > 0)
        {
            Scan(reader, startsByLine, windows);
        }

        var result = new Dictionary<(int Line, int Column), LineExcerpt>();
        foreach (var (key, start) in startOf)
        {
            if (windows.TryGetValue((key.Line, start), out var excerpt))
            {
                result[key] = excerpt;
            }
        }

        return result;
    }

    private static void Scan(TextReader reader, SortedDictionary<int, SortedSet<int>> startsByLine, Dictionary<(int Line, int Start), LineExcerpt> windows)
    {
        using var lines = startsByLine.GetEnumerator();
        lines.MoveNext();
        var (wantedLine, starts) = (lines.Current.Key, lines.Current.Value.ToArray());
        var captured = new StringBuilder[starts.Length];
        var line = 1;
        var index = 0;
        var first = 0;
        var pendingReturn = false;
        // The reader buffers; a small block here costs nothing per character and saves clearing 16 KB for a small file.
        var buffer = new char[1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];

                // A line ends at \n, \r\n or a lone \r, as YAML counts lines.
                if (pendingReturn && c != '\n')
                {
                    if (!EndLine())
                    {
                        return;
                    }
                }

                pendingReturn = false;
                if (c == '\r')
                {
                    pendingReturn = true;
                    continue;
                }

                if (c == '\n')
                {
                    if (!EndLine())
                    {
                        return;
                    }

                    continue;
                }

                if (line == wantedLine)
                {
                    Capture(c);
                }

                index++;
            }
        }

        // The last line may end without a line break.
        if (line == wantedLine)
        {
            Finish();
        }

        void Capture(char c)
        {
            while (first < starts.Length && index >= starts[first] + Width)
            {
                first++;
            }

            for (var k = first; k < starts.Length && starts[k] <= index; k++)
            {
                (captured[k] ??= new StringBuilder()).Append(c);
            }
        }

        // Records the wanted line's windows when it ends; false once no later line is wanted.
        bool EndLine()
        {
            if (line == wantedLine)
            {
                Finish();
                if (!lines.MoveNext())
                {
                    return false;
                }

                (wantedLine, starts) = (lines.Current.Key, lines.Current.Value.ToArray());
                captured = new StringBuilder[starts.Length];
            }

            line++;
            index = 0;
            first = 0;
            return true;
        }

        void Finish()
        {
            for (var k = 0; k < starts.Length; k++)
            {
                var text = captured[k]?.ToString() ?? string.Empty;
                windows[(wantedLine, starts[k])] = new LineExcerpt(text, starts[k] + 1, starts[k] > 0, starts[k] + text.Length < index);
            }
        }
    }
}
