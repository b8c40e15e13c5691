namespace Shipshape.Core.Suppression;

/// <summary>What <see cref="CommentScanner"/> reports of a YAML text, line by line.</summary>
internal interface ICommentScannerEvents
{
    /// <summary>A line starting with <c>---</c> or <c>...</c>: a document begins or ends here.</summary>
    void DocumentMarker(int line);

    /// <summary>The first text on <paramref name="line"/> that is neither white space nor a comment.</summary>
    void Content(int line);

    /// <summary>
    /// A comment: <paramref name="bodyStart"/> is the index in <paramref name="lineText"/> just past its <c>#</c>;
    /// <paramref name="isInline"/> when other text precedes it on its line.
    /// </summary>
    void Comment(int line, string lineText, int bodyStart, bool isInline);
}

/// <summary>
/// Finds the comments of a YAML text in one pass, in time linear in its length whatever it holds (broken or not):
/// a <c>#</c> after white space, outside quoted and block scalars. Lines end where the YAML parser (SharpYaml, a
/// YAML 1.1 reader) ends them: at \n, \r\n, a lone \r, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH
/// SEPARATOR (U+2029), so directive lines are the lines findings are reported on. A document marker resets every
/// state, so an unclosed quote or flow collection hides comments until the next document at most.
/// </summary>
internal sealed class CommentScanner
{
    private readonly string _text;
    private readonly ICommentScannerEvents _events;

    private bool _inDoubleQuotes;
    private bool _inSingleQuotes;
    private int _flowDepth;

    /// <summary>While inside a block scalar: the indentation its lines must exceed; otherwise null.</summary>
    private int? _blockScalarParentIndent;

    private CommentScanner(string text, ICommentScannerEvents events)
    {
        _text = text;
        _events = events;
    }

    /// <summary>Reports the document markers, content lines and comments of <paramref name="text"/>; returns its line count.</summary>
    public static int Scan(string text, ICommentScannerEvents events) => new CommentScanner(text, events).ScanLines();

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private int ScanLines()
    {
        var line = 1;
        var lineStart = 0;
        while (true)
        {
            var lineEnd = lineStart;
            while (lineEnd < _text.Length && !IsLineBreak(_text[lineEnd]))
            {
                lineEnd++;
            }

            ScanLine(line, lineStart, lineEnd);
            if (lineEnd >= _text.Length)
            {
                return line;
            }

            lineStart = lineEnd + (_text[lineEnd] == '\r' && lineEnd + 1 < _text.Length && _text[lineEnd + 1] == '\n' ? 2 : 1);
            line++;
        }
    }

    private void ScanLine(int line, int start, int end)
    {
        var indent = 0;
        while (start + indent < end && _text[start + indent] == ' ')
        {
            indent++;
        }

        if (IsDocumentMarker(start, end))
        {
            _inDoubleQuotes = _inSingleQuotes = false;
            _flowDepth = 0;
            _blockScalarParentIndent = null;
            _events.DocumentMarker(line);
            ScanContent(line, start, start + 3, end, valueParent: -1);
            return;
        }

        if (_blockScalarParentIndent is { } parentIndent)
        {
            // A block scalar holds every blank line and every line indented past its parent; a '#' there is text.
            if (indent > parentIndent || IsBlank(start + indent, end))
            {
                return;
            }

            _blockScalarParentIndent = null;
        }

        ScanContent(line, start, start + indent, end, valueParent: indent);
    }

    /// <param name="valueParent">The column of the node a block scalar header on this line would belong to.</param>
    private void ScanContent(int line, int lineStart, int from, int end, int valueParent)
    {
        var hasContent = false;
        var expectingNode = true;
        var scalarColumn = from - lineStart;
        for (var i = from; i < end; i++)
        {
            var c = _text[i];
            if (_inDoubleQuotes || _inSingleQuotes)
            {
                hasContent = MarkContent(line, hasContent);
                i = SkipQuoted(i, end);
                continue;
            }

            if (c is ' ' or '\t')
            {
                continue;
            }

            if (c == '#' && (i == lineStart || _text[i - 1] is ' ' or '\t'))
            {
                _events.Comment(line, _text[lineStart..end], i - lineStart + 1, hasContent);
                return;
            }

            hasContent = MarkContent(line, hasContent);
            var followedBySpace = i + 1 >= end || _text[i + 1] is ' ' or '\t';
            if (c == ':' && (followedBySpace || _flowDepth > 0))
            {
                expectingNode = true;
                valueParent = scalarColumn;
                continue;
            }

            if (_flowDepth > 0 && c is ',' or ']' or '}')
            {
                _flowDepth -= c == ',' ? 0 : 1;
                expectingNode = c == ',';
                continue;
            }

            if (!expectingNode)
            {
                continue;
            }

            scalarColumn = i - lineStart;
            switch (c)
            {
                case '-' or '?' when followedBySpace:
                    valueParent = i - lineStart;
                    break;
                case '[' or '{':
                    _flowDepth++;
                    break;
                case '"':
                    _inDoubleQuotes = true;
                    expectingNode = false;
                    i = SkipQuoted(i + 1, end);
                    break;
                case '\'':
                    _inSingleQuotes = true;
                    expectingNode = false;
                    i = SkipQuoted(i + 1, end);
                    break;
                case '|' or '>' when _flowDepth == 0:
                    _blockScalarParentIndent = valueParent;
                    i = SkipToken(i, end);
                    break;
                case '!' or '&':
                    i = SkipToken(i, end);
                    break;
                default:
                    expectingNode = false;
                    break;
            }
        }
    }

    private bool MarkContent(int line, bool hasContent)
    {
        if (!hasContent)
        {
            _events.Content(line);
        }

        return true;
    }

    /// <summary>The index of the closing quote of the open quoted scalar, or the line's last index when it goes on.</summary>
    private int SkipQuoted(int i, int end)
    {
        for (; i < end; i++)
        {
            var c = _text[i];
            if (_inDoubleQuotes && c == '\\')
            {
                i++;
            }
            else if (_inDoubleQuotes && c == '"')
            {
                _inDoubleQuotes = false;
                return i;
            }
            else if (_inSingleQuotes && c == '\'')
            {
                if (i + 1 < end && _text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                _inSingleQuotes = false;
                return i;
            }
        }

        return end - 1;
    }

    /// <summary>The index of the last character of a tag, anchor or block scalar header that starts at <paramref name="i"/>.</summary>
    private int SkipToken(int i, int end)
    {
        while (i + 1 < end && _text[i + 1] is not (' ' or '\t'))
        {
            i++;
        }

        return i;
    }

    private bool IsBlank(int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (_text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsDocumentMarker(int start, int end) =>
        end - start >= 3
        && ((_text[start] == '-' && _text[start + 1] == '-' && _text[start + 2] == '-') || (_text[start] == '.' && _text[start + 1] == '.' && _text[start + 2] == '.'))
        && (end - start == 3 || _text[start + 3] is ' ' or '\t');
}
