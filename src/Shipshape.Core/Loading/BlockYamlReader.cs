using System.Text;
using Shipshape.Core.Loading.Segments;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Loading;

/// <summary>
/// Reads the plain subset of YAML that manifests are written in (block mappings and sequences, plain, quoted and
/// block scalars, comments, document markers, small flow collections such as <c>[]</c> or <c>["sh", "-c"]</c>)
/// straight from the text into a <see cref="YamlLoader.DocumentBuilder"/>, character by character.
/// </summary>
/// <remarks>
/// Why it exists: SharpYaml, which reads everything, allocates a token, an event and a string builder per scalar
/// and dispatches every character through an interface; on large CRD files that is most of a run's time. This
/// reader keeps to the common subset and gives up (returns false) at the first thing outside it: anchors,
/// aliases, tags, directives, complex keys, tabs, CR line ends, explicit indentation indicators, anything
/// malformed. The loader then reads the whole file with SharpYaml, which stays the reference for the full
/// language and for every syntax error message. Tests compare both readers node by node on every corpus file.
/// </remarks>
internal sealed class BlockYamlReader
{
    /// <summary>Characters <paramref name="Start"/> to <paramref name="End"/> of a text, whose first line is line <paramref name="FirstLine"/> of the whole.</summary>
    internal readonly record struct TextSegment(int Start, int End, int FirstLine);

    /// <summary>
    /// Characters that change how lines or indentation are read (tabs, lone carriage returns, Unicode line breaks)
    /// or that YAML does not allow unescaped (control characters, byte order marks inside the text): files with
    /// any of them go to the full parser, which reads or rejects them.
    /// </summary>
    private const string AsciiLeftToFullReader =
        "\t\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

#if NET
    private static readonly System.Buffers.SearchValues<char> AsciiLeftToFullReaderValues = System.Buffers.SearchValues.Create(AsciiLeftToFullReader);

    // Split so that each search is vectorised: one over an ASCII set, the others over ranges.
    private static bool HasCharactersLeftToFullReader(ReadOnlySpan<char> text) =>
        text.IndexOfAny(AsciiLeftToFullReaderValues) >= 0
        || text.IndexOfAnyInRange('\u0080', '\u009F') >= 0
        || text.IndexOfAny('\u2028', '\u2029', '\uFEFF') >= 0
        || text.IndexOfAnyInRange('\uFFFE', '\uFFFF') >= 0;
#else
    private static readonly char[] LeftToFullReader = (AsciiLeftToFullReader + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF").ToCharArray();

    private static bool HasCharactersLeftToFullReader(ReadOnlySpan<char> text) => text.IndexOfAny(LeftToFullReader) >= 0;
#endif

    private readonly char[] _text;
    private readonly int _length;
    private readonly YamlLoader.DocumentBuilder _builder;
    private readonly int _maxDepth;
    private readonly StringBuilder _buffer = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private BlockYamlReader(char[] text, TextSegment segment, YamlLoader.DocumentBuilder builder, int maxDepth)
    {
        _text = text;
        _pos = segment.Start;
        _lineStart = segment.Start;
        _line = segment.FirstLine;
        _length = segment.End;
        _builder = builder;
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// Reads the first <paramref name="length"/> characters of <paramref name="text"/> into <paramref name="builder"/>;
    /// false when the text leaves the subset (the builder's output is then to be discarded).
    /// </summary>
    public static bool TryRead(char[] text, int length, YamlLoader.DocumentBuilder builder, int maxDepth)
    {
        // Windows line ends read as plain ones: dropping each \r before a \n moves no line or column.
        if (text.AsSpan(0, length).IndexOf('\r') >= 0)
        {
            (text, length) = WithoutCarriageReturns(text, length);
        }

        if (HasCharactersLeftToFullReader(text.AsSpan(0, length)))
        {
            return false;
        }

        return TryReadFrom(text, new TextSegment(0, length, 1), builder, maxDepth);
    }

    /// <summary>
    /// Reads one segment of a text as <see cref="TryRead"/> reads a whole one: the documents in the segment, with
    /// positions in the whole text. False also for a segment with carriage returns, which the full parser reads.
    /// </summary>
    public static bool TryReadSegment(char[] text, TextSegment segment, YamlLoader.DocumentBuilder builder, int maxDepth)
    {
        var span = text.AsSpan(segment.Start, segment.End - segment.Start);
        if (span.IndexOf('\r') >= 0 || HasCharactersLeftToFullReader(span))
        {
            return false;
        }

        return TryReadFrom(text, segment, builder, maxDepth);
    }

    private static bool TryReadFrom(char[] text, TextSegment segment, YamlLoader.DocumentBuilder builder, int maxDepth)
    {
        try
        {
            new BlockYamlReader(text, segment, builder, maxDepth).ReadStream();
            return true;
        }
        catch (OutsideSubsetException)
        {
            return false;
        }
    }

    /// <summary>
    /// Cuts <paramref name="range"/> of a stream of documents into about <paramref name="count"/> segments of similar
    /// length (one per document when <paramref name="count"/> is larger than their number), each ending where a line
    /// starts with a <c>---</c> marker. YAML forbids such a line inside any node (even a block or quoted scalar), so
    /// the documents of the segments are those of the whole text; a text that is not valid YAML there makes a segment
    /// fail to read, and the loader reads the whole file again. Null when there is one segment only.
    /// </summary>
    public static List<TextSegment>? SplitAtDocumentMarkers(char[] text, TextSegment range, int count)
    {
        var segments = new List<TextSegment>();
        var target = (range.End - range.Start) / count;
        var start = range.Start;
        var firstLine = range.FirstLine;
        var line = range.FirstLine;
        for (var lineStart = range.Start; lineStart >= 0 && lineStart < range.End; lineStart = DocumentMarkers.NextLineStart(text, lineStart, range.End), line++)
        {
            if (lineStart > start && lineStart - start >= target && DocumentMarkers.IsDocumentMarkerLine(text, lineStart, range.End))
            {
                segments.Add(new TextSegment(start, lineStart, firstLine));
                start = lineStart;
                firstLine = line;
            }
        }

        if (segments.Count == 0)
        {
            return null;
        }

        segments.Add(new TextSegment(start, range.End, firstLine));
        return segments;
    }


    /// <summary>A copy without the \r of each \r\n (a lone \r stays, and sends the file to the full parser).</summary>
    private static (char[] Text, int Length) WithoutCarriageReturns(char[] text, int length)
    {
        var copy = new char[length];
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            if (text[i] != '\r' || i + 1 >= length || text[i + 1] != '\n')
            {
                copy[kept++] = text[i];
            }
        }

        return (copy, kept);
    }

    private int Column => _pos - _lineStart + 1;

#if NET
    /// <summary>
    /// Short plain scalars of this thread's recent files: keys and values such as <c>name</c>, <c>type</c> or
    /// <c>string</c> repeat thousands of times in a CRD, and sharing one string each spares most of the allocations.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, string>? t_shortScalars;

    private const int ShortScalarLength = 24;

    private const int MaxSharedScalars = 16_384;

    private string Slice(int start, int length)
    {
        if (length > ShortScalarLength)
        {
            return new string(_text, start, length);
        }

        var strings = t_shortScalars ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var span = _text.AsSpan(start, length);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var shared))
        {
            return shared;
        }

        if (strings.Count >= MaxSharedScalars)
        {
            strings.Clear();
        }

        var value = span.ToString();
        strings[value] = value;
        return value;
    }
#else
    private string Slice(int start, int length) => new string(_text, start, length);
#endif

    private char Current => _pos < _length ? _text[_pos] : '\0';

    private char At(int index) => index < _length ? _text[index] : '\0';

    private bool IsLineEnd(int index) => index >= _length || _text[index] == '\n';

    private bool IsBlankOrLineEnd(int index) => IsLineEnd(index) || _text[index] == ' ';

    private static OutsideSubsetException Outside() => new();

    private void ReadStream()
    {
        while (SkipToContent())
        {
            if (Column == 1 && Current == '%')
            {
                throw Outside();
            }

            if (IsMarker("..."))
            {
                // A document end marker with no document before it is an error for SharpYaml.
                throw Outside();
            }

            if (IsMarker("---"))
            {
                _pos += 3;
                RequireLineEnd();
                if (!SkipToContent() || IsMarker("---"))
                {
                    // An empty document: nothing to build.
                    continue;
                }

                if (IsMarker("..."))
                {
                    SkipDocumentEnd();
                    continue;
                }
            }

            _builder.BeginDocument();
            ReadNode(parentIndent: -1, compact: true);
            if (SkipToDocumentContent())
            {
                throw Outside();
            }

            if (!_builder.EndDocument())
            {
                return;
            }

            if (SkipToContent() && IsMarker("..."))
            {
                SkipDocumentEnd();
            }
        }
    }

    /// <summary>Past a <c>...</c> marker (and any repeats of it); what follows must be a new <c>---</c> or the end.</summary>
    private void SkipDocumentEnd()
    {
        while (SkipToContent() && IsMarker("..."))
        {
            _pos += 3;
            RequireLineEnd();
        }

        if (SkipToContent() && !IsMarker("---"))
        {
            throw Outside();
        }
    }

    /// <summary>A document marker at the start of the current line.</summary>
    private bool IsMarker(string marker) => Column == 1 && IsMarkerAt(_pos, marker);

    /// <summary>The current line starts a new document or ends this one.</summary>
    private bool AtDocumentBoundary => IsMarker("---") || IsMarker("...");

    /// <summary>A document marker on the line that starts at <paramref name="lineStart"/>.</summary>
    private bool IsMarkerAt(int lineStart, string marker) =>
        lineStart + 3 <= _length && _text.AsSpan(lineStart, 3).SequenceEqual(marker.AsSpan()) && IsBlankOrLineEnd(lineStart + 3);

    /// <summary>Moves to the next content of the current document; false at a document marker or the end of the text.</summary>
    private bool SkipToDocumentContent() => SkipToContent() && !AtDocumentBoundary;

    private void SkipSpaces()
    {
        while (Current == ' ')
        {
            _pos++;
        }
    }

    /// <summary>Passes line breaks and the indentation after each; returns how many breaks were passed.</summary>
    private int SkipBreaks()
    {
        var breaks = 0;
        while (Current == '\n')
        {
            NextLine();
            breaks++;
            SkipSpaces();
        }

        return breaks;
    }

    /// <summary>The index of the line break at or after <paramref name="from"/>, or the end of the text.</summary>
    private int LineEnd(int from)
    {
        var offset = _text.AsSpan(from, _length - from).IndexOf('\n');
        return offset < 0 ? _length : from + offset;
    }

    /// <summary>Moves to the first character of the next line with content; false at the end of the text.</summary>
    private bool SkipToContent()
    {
        while (true)
        {
            SkipSpaces();

            if (Current == '#')
            {
                SkipToLineEnd();
            }

            if (_pos >= _length)
            {
                return false;
            }

            if (_text[_pos] != '\n')
            {
                return true;
            }

            NextLine();
        }
    }

    private void SkipToLineEnd()
    {
        _pos = LineEnd(_pos);
    }

    private void NextLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    /// <summary>Only spaces and a comment may follow on this line.</summary>
    private void RequireLineEnd()
    {
        SkipSpaces();

        if (Current == '#' && (_pos == 0 || _text[_pos - 1] == ' '))
        {
            SkipToLineEnd();
        }

        if (!IsLineEnd(_pos))
        {
            throw Outside();
        }
    }

    private (int Line, int Column) Here => (_line, Column);

    /// <summary>
    /// Reads the node at the current character. <paramref name="compact"/>: a block mapping or sequence may start
    /// here (at the start of a line, or after <c>- </c>), not after <c>key: </c> on the same line.
    /// </summary>
    private void ReadNode(int parentIndent, bool compact)
    {
        var c = Current;
        switch (c)
        {
            case '-' when IsBlankOrLineEnd(_pos + 1):
                if (!compact)
                {
                    throw Outside();
                }

                ReadBlockSequence(Column, indentless: false);
                return;
            case '[' or '{':
                ReadFlowCollection();
                RequireLineEnd();
                return;
            case '|' or '>':
                ReadBlockScalar(parentIndent);
                return;
            case '"' or '\'':
                if (compact && IsQuotedKey())
                {
                    ReadBlockMapping(Column);
                    return;
                }

                ReadQuotedScalar(parentIndent, flow: false);
                RequireLineEnd();
                return;
        }

        if (IsIndicator(c) || (c is '?' or ':' && IsBlankOrLineEnd(_pos + 1)))
        {
            throw Outside();
        }

        if (PlainKeyEnd() >= 0)
        {
            if (!compact)
            {
                throw Outside();
            }

            ReadBlockMapping(Column);
            return;
        }

        ReadPlainScalar(parentIndent);
    }

    /// <summary>A character that cannot start a plain scalar (YAML's indicators, less those that may when a non-space follows).</summary>
    private static bool IsIndicator(char c) =>
        c is '&' or '*' or '!' or '%' or '@' or '`' or ',' or '[' or ']' or '{' or '}' or '#' or '|' or '>' or '"' or '\'';

    /// <summary>The index of the <c>:</c> that ends a plain key starting here on this line, or -1.</summary>
    private int PlainKeyEnd()
    {
        for (var i = _pos; !IsLineEnd(i); i++)
        {
            var c = _text[i];
            if (c == ':' && IsBlankOrLineEnd(i + 1))
            {
                return i;
            }

            if (c == '#' && i > _pos && _text[i - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Whether the quoted scalar starting here is followed by <c>: </c> on its line.</summary>
    private bool IsQuotedKey()
    {
        var quote = _text[_pos];
        var i = _pos + 1;
        while (!IsLineEnd(i))
        {
            if (_text[i] == quote)
            {
                if (quote == '\'' && At(i + 1) == '\'')
                {
                    i += 2;
                    continue;
                }

                i++;
                while (At(i) == ' ')
                {
                    i++;
                }

                return At(i) == ':' && IsBlankOrLineEnd(i + 1);
            }

            i += quote == '"' && _text[i] == '\\' ? 2 : 1;
        }

        return false;
    }

    private void Enter()
    {
        // Depth past the limit is left to the full reader, which reports it (SHIP0004).
        if (++_depth >= _maxDepth)
        {
            throw Outside();
        }
    }

    private void Begin(bool isMapping, (int Line, int Column) start, bool isFlow)
    {
        Enter();
        if (_builder.BeginCollection(isMapping, start, isFlow: isFlow) != YamlLoader.Step.Continue)
        {
            throw Outside();
        }
    }

    private void End((int Line, int Column) end)
    {
        _depth--;
        _builder.EndCollection(end);
    }

    private void ReadBlockMapping(int indent)
    {
        Begin(isMapping: true, Here, isFlow: false);
        while (true)
        {
            ReadKey();
            _pos++; // the ':'
            ReadMappingValue(indent);
            if (!SkipToDocumentContent() || Column < indent)
            {
                break;
            }

            if (Column > indent || (Current == '-' && IsBlankOrLineEnd(_pos + 1)))
            {
                throw Outside();
            }
        }

        End(Here);
    }

    /// <summary>Reads a key on one line, leaving the position at its <c>:</c>.</summary>
    private void ReadKey()
    {
        var c = Current;
        if (c is '"' or '\'')
        {
            if (!IsQuotedKey())
            {
                throw Outside();
            }

            ReadQuotedScalar(parentIndent: int.MaxValue, flow: false);
            SkipSpaces();

            return;
        }

        if (IsIndicator(c) || (c is '-' or '?' or ':' && IsBlankOrLineEnd(_pos + 1)))
        {
            throw Outside();
        }

        var colon = PlainKeyEnd();
        if (colon < 0)
        {
            throw Outside();
        }

        var end = colon;
        while (end > _pos && _text[end - 1] == ' ')
        {
            end--;
        }

        if (end - _pos == 2 && _text[_pos] == '<' && _text[_pos + 1] == '<')
        {
            // A merge key's mapping ends where SharpYaml's next token starts, which this reader does not track.
            throw Outside();
        }

        var start = Here;
        var value = Slice(_pos, end - _pos);
        _builder.AddScalar(value, isPlain: true, new SourceSpan(start.Line, start.Column, _line, start.Column + (end - _pos)));
        _pos = colon;
    }

    private void ReadMappingValue(int indent)
    {
        var afterColon = Here;
        SkipSpaces();

        if (Current == '#' || IsLineEnd(_pos))
        {
            if (SkipToDocumentContent())
            {
                if (Column > indent)
                {
                    ReadNode(indent, compact: true);
                    return;
                }

                if (Column == indent && Current == '-' && IsBlankOrLineEnd(_pos + 1))
                {
                    ReadBlockSequence(indent, indentless: true);
                    return;
                }
            }

            AddEmpty(afterColon);
            return;
        }

        ReadNode(indent, compact: false);
    }

    private void AddEmpty((int Line, int Column) at) =>
        _builder.AddScalar(string.Empty, isPlain: true, new SourceSpan(at.Line, at.Column, at.Line, at.Column));

    private void ReadBlockSequence(int indent, bool indentless)
    {
        Begin(isMapping: false, Here, isFlow: false);
        while (true)
        {
            _pos++; // the '-'
            var afterDash = Here;
            SkipSpaces();

            if (Current == '#' || IsLineEnd(_pos))
            {
                if (SkipToDocumentContent() && Column > indent)
                {
                    ReadNode(indent, compact: true);
                }
                else
                {
                    AddEmpty(afterDash);
                }
            }
            else
            {
                ReadNode(indent, compact: true);
            }

            if (!SkipToDocumentContent() || Column < indent)
            {
                break;
            }

            var isEntry = Current == '-' && IsBlankOrLineEnd(_pos + 1);
            if (Column == indent && isEntry)
            {
                continue;
            }

            if (Column == indent && indentless)
            {
                break;
            }

            throw Outside();
        }

        End(Here);
    }

    /// <summary>A plain scalar in block context, possibly over several lines (folded into one).</summary>
    private void ReadPlainScalar(int parentIndent)
    {
        var start = Here;
        var firstEnd = PlainLineEnd();
        var endLine = _line;
        var endColumn = Column + (firstEnd - _pos);
        var firstStart = _pos;
        var multiLine = false;
        _pos = firstEnd;
        _buffer.Clear();

        // Continuation lines: more indented than the parent, not a comment, not a document marker.
        while (Current == ' ' || IsLineEnd(_pos))
        {
            SkipSpaces();

            if (Current == '#' || _pos >= _length)
            {
                break;
            }

            var resume = (_pos, _line, _lineStart);
            var breaks = SkipBreaks();

            if (breaks == 0 || _pos >= _length || Column <= parentIndent || Current == '#' || AtDocumentBoundary)
            {
                (_pos, _line, _lineStart) = resume;
                break;
            }

            if (!multiLine)
            {
                _buffer.Append(_text, firstStart, firstEnd - firstStart);
                multiLine = true;
            }

            if (breaks == 1)
            {
                _buffer.Append(' ');
            }
            else
            {
                _buffer.Append('\n', breaks - 1);
            }

            var lineEnd = PlainLineEnd();
            _buffer.Append(_text, _pos, lineEnd - _pos);
            endLine = _line;
            endColumn = Column + (lineEnd - _pos);
            _pos = lineEnd;
        }

        _builder.AddScalar(multiLine ? _buffer.ToString() : Slice(firstStart, firstEnd - firstStart), isPlain: true, new SourceSpan(start.Line, start.Column, endLine, endColumn));
        RequireLineEnd();
    }

    /// <summary>Where the plain text on this line ends (before trailing spaces and a comment); a <c>: </c> in it leaves the subset.</summary>
    private int PlainLineEnd()
    {
        var i = _pos;
        var end = _pos;
        while (!IsLineEnd(i))
        {
            var c = _text[i];
            if (c == ':' && IsBlankOrLineEnd(i + 1))
            {
                throw Outside();
            }

            if (c == '#' && i > _pos && _text[i - 1] == ' ')
            {
                break;
            }

            i++;
            if (c != ' ')
            {
                end = i;
            }
        }

        return end;
    }

    /// <summary>A single- or double-quoted scalar; in block context it may fold over lines.</summary>
    private void ReadQuotedScalar(int parentIndent, bool flow)
    {
        var start = Here;
        var quote = _text[_pos++];
        _buffer.Clear();
        var segment = _pos;
        while (true)
        {
            if (_pos >= _length)
            {
                throw Outside();
            }

            var c = _text[_pos];
            if (c == quote)
            {
                if (quote == '\'' && At(_pos + 1) == '\'')
                {
                    _buffer.Append(_text, segment, _pos + 1 - segment);
                    _pos += 2;
                    segment = _pos;
                    continue;
                }

                _buffer.Append(_text, segment, _pos - segment);
                _pos++;
                break;
            }

            if (c == '\\' && quote == '"')
            {
                _buffer.Append(_text, segment, _pos - segment);
                if (IsLineEnd(_pos + 1) && _pos + 1 < _length)
                {
                    // An escaped line break joins the lines without a space.
                    _pos++;
                    FoldQuotedBreak(parentIndent, flow, escaped: true);
                }
                else
                {
                    ReadEscape();
                }

                segment = _pos;
                continue;
            }

            if (c == '\n')
            {
                var trimmed = _pos;
                while (trimmed > segment && _text[trimmed - 1] == ' ')
                {
                    trimmed--;
                }

                _buffer.Append(_text, segment, trimmed - segment);
                FoldQuotedBreak(parentIndent, flow, escaped: false);
                segment = _pos;
                continue;
            }

            _pos++;
        }

        var span = new SourceSpan(start.Line, start.Column, _line, Column);
        _builder.AddScalar(_buffer.ToString(), isPlain: false, span);
    }

    /// <summary>At a line break inside quotes: folds it (one break is a space, each further one a newline) and skips the next line's indentation.</summary>
    private void FoldQuotedBreak(int parentIndent, bool flow, bool escaped)
    {
        var breaks = SkipBreaks();

        // In block context the continuation must stay inside the parent's indentation.
        if (_pos >= _length || AtDocumentBoundary || (!flow && Column <= parentIndent))
        {
            throw Outside();
        }

        if (breaks == 1)
        {
            if (!escaped)
            {
                _buffer.Append(' ');
            }
        }
        else
        {
            _buffer.Append('\n', breaks - 1);
        }
    }

    private void ReadEscape()
    {
        var code = At(_pos + 1);
        _pos += 2;
        switch (code)
        {
            case '0': _buffer.Append('\0'); return;
            case 'a': _buffer.Append('\a'); return;
            case 'b': _buffer.Append('\b'); return;
            case 't': _buffer.Append('\t'); return;
            case 'n': _buffer.Append('\n'); return;
            case 'v': _buffer.Append('\v'); return;
            case 'f': _buffer.Append('\f'); return;
            case 'r': _buffer.Append('\r'); return;
            case 'e': _buffer.Append('\u001B'); return;
            case ' ': _buffer.Append(' '); return;
            case '"': _buffer.Append('"'); return;
            case '/': _buffer.Append('/'); return;
            case '\\': _buffer.Append('\\'); return;
            case 'N': _buffer.Append('\u0085'); return;
            case '_': _buffer.Append('\u00A0'); return;
            case 'L': _buffer.Append('\u2028'); return;
            case 'P': _buffer.Append('\u2029'); return;
            case 'x': AppendCodePoint(2); return;
            case 'u': AppendCodePoint(4); return;
            case 'U': AppendCodePoint(8); return;
            default: throw Outside();
        }
    }

    private void AppendCodePoint(int digits)
    {
        var value = 0L;
        for (var i = 0; i < digits; i++)
        {
            var digit = HexValue(At(_pos + i));
            if (digit < 0)
            {
                throw Outside();
            }

            value = (value * 16) + digit;
        }

        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw Outside();
        }

        _pos += digits;
        _buffer.Append(char.ConvertFromUtf32((int)value));
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar with an optional chomping indicator.</summary>
    private void ReadBlockScalar(int parentIndent)
    {
        if (parentIndent < 0)
        {
            // A whole document that is one block scalar is no manifest.
            throw Outside();
        }

        var start = Here;
        var folded = _text[_pos++] == '>';
        var chomping = Current switch
        {
            '-' => -1,
            '+' => 1,
            _ => 0,
        };
        if (chomping != 0)
        {
            _pos++;
        }

        if (char.IsAsciiDigit(Current) || (Current != ' ' && !IsLineEnd(_pos)))
        {
            throw Outside();
        }

        RequireLineEnd();

        // The content's indentation is that of its first non-empty line; leading empty lines may not be deeper.
        var contentIndent = -1;
        var leadingMax = 0;
        for (var i = _pos; i < _length;)
        {
            var lineStart = i + 1;
            var spaces = CountSpaces(lineStart);
            if (IsLineEnd(lineStart + spaces))
            {
                leadingMax = Math.Max(leadingMax, spaces);
                i = lineStart + spaces;
                continue;
            }

            contentIndent = spaces;
            break;
        }

        if (contentIndent < parentIndent || leadingMax > contentIndent)
        {
            // Empty block scalars end where SharpYaml's next token starts; over-indented leading lines are an error.
            throw Outside();
        }

        _buffer.Clear();
        var breaks = 0;
        var sawContent = false;
        var endsWithBreak = false;
        (int Line, int Column)? end = null;
        while (_pos < _length)
        {
            // Here _pos is at the line break that ends the previous line.
            var spaces = CountSpaces(_pos + 1);
            var lineIsEmpty = IsLineEnd(_pos + 1 + spaces);
            var isMarker = spaces == 0 && (IsMarkerAt(_pos + 1, "---") || IsMarkerAt(_pos + 1, "..."));
            NextLine();
            if (!lineIsEmpty && (contentIndent < 0 || spaces < contentIndent || isMarker))
            {
                // The scalar ends at the start of the first line that is not part of it.
                end = Here;
                _pos += spaces;
                break;
            }

            _pos += spaces;

            if (lineIsEmpty)
            {
                if (_pos >= _length && spaces > 0)
                {
                    // A last line of spaces without a line break: SharpYaml ends the scalar before its spaces.
                    throw Outside();
                }

                if (contentIndent >= 0 && spaces > contentIndent)
                {
                    // Spaces beyond the indentation are content in a literal scalar; rare enough to leave.
                    throw Outside();
                }

                if (_pos < _length)
                {
                    breaks++;
                }

                continue;
            }

            var contentStart = _lineStart + contentIndent;
            var lineEnd = LineEnd(contentStart);

            if (folded && _text[contentStart] == ' ')
            {
                // More-indented lines keep their breaks in a folded scalar; left to the full reader.
                throw Outside();
            }

            if (!sawContent)
            {
                _buffer.Append('\n', breaks);
            }
            else if (folded)
            {
                if (breaks == 0)
                {
                    _buffer.Append(' ');
                }
                else
                {
                    _buffer.Append('\n', breaks);
                }
            }
            else
            {
                _buffer.Append('\n', breaks + 1);
            }

            _buffer.Append(_text, contentStart, lineEnd - contentStart);
            sawContent = true;
            endsWithBreak = lineEnd < _length;
            breaks = 0;
            _pos = lineEnd;
        }

        if (chomping == 1)
        {
            _buffer.Append('\n', breaks + (endsWithBreak ? 1 : 0));
        }
        else if (chomping == 0 && endsWithBreak)
        {
            _buffer.Append('\n');
        }

        var (endLine, endColumn) = end ?? Here;
        _builder.AddScalar(_buffer.ToString(), isPlain: false, new SourceSpan(start.Line, start.Column, endLine, endColumn));
    }

    private int CountSpaces(int from)
    {
        var i = from;
        while (At(i) == ' ')
        {
            i++;
        }

        return i - from;
    }

    /// <summary>A flow sequence or mapping, possibly nested and over several lines.</summary>
    private void ReadFlowCollection()
    {
        var isMapping = Current == '{';
        var close = isMapping ? '}' : ']';
        Begin(isMapping, Here, isFlow: true);
        _pos++;
        while (true)
        {
            SkipFlowSpace();
            if (Current == close)
            {
                break;
            }

            ReadFlowNode(isKey: isMapping);
            SkipFlowSpace();
            if (isMapping)
            {
                if (Current != ':')
                {
                    throw Outside();
                }

                _pos++;
                SkipFlowSpace();
                if (Current is ',' or '}')
                {
                    AddEmpty(Here);
                }
                else
                {
                    ReadFlowNode(isKey: false);
                }

                SkipFlowSpace();
            }

            if (Current == ',')
            {
                _pos++;
                continue;
            }

            if (Current != close)
            {
                throw Outside();
            }
        }

        // SharpYaml marks the end of a flow collection at its closing bracket.
        End(Here);
        _pos++;
    }

    private void SkipFlowSpace()
    {
        while (true)
        {
            if (Current == ' ')
            {
                _pos++;
            }
            else if (Current == '\n')
            {
                NextLine();
                if (AtDocumentBoundary)
                {
                    throw Outside();
                }
            }
            else if (Current == '#' && _text[_pos - 1] is ' ' or '\n')
            {
                SkipToLineEnd();
            }
            else
            {
                return;
            }
        }
    }

    private void ReadFlowNode(bool isKey)
    {
        var c = Current;
        if (c is '[' or '{')
        {
            if (isKey)
            {
                throw Outside();
            }

            ReadFlowCollection();
            return;
        }

        if (c is '"' or '\'')
        {
            ReadQuotedScalar(parentIndent: -1, flow: true);
            return;
        }

        // In flow context SharpYaml lets no plain scalar start with '?' or ':', nor have a ':' inside without a space after it.
        if (IsIndicator(c) || c is '\0' or '?' or ':' || (c == '-' && IsBlankOrLineEnd(_pos + 1)))
        {
            throw Outside();
        }

        // A plain scalar on one line, ended by a flow indicator, ": " or " #".
        var start = Here;
        var i = _pos;
        var end = _pos;
        while (!IsLineEnd(i))
        {
            var ch = _text[i];
            if (ch == ':' && !IsBlankOrLineEnd(i + 1))
            {
                throw Outside();
            }

            if (ch is ',' or '[' or ']' or '{' or '}' or ':' || (ch == '#' && _text[i - 1] == ' '))
            {
                break;
            }

            // Flow scalars in manifests are words, numbers and paths; SharpYaml reads other characters in flow
            // context in ways of its own ('d?' is an error there), so the rest is left to it.
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not (' ' or '-' or '_' or '.' or '/' or '+' or '='))
            {
                throw Outside();
            }

            i++;
            if (ch != ' ')
            {
                end = i;
            }
        }

        if (IsLineEnd(i) && !isKey)
        {
            // A plain scalar going on over the next line is left to the full reader.
            var after = i + 1;
            while (At(after) == ' ')
            {
                after++;
            }

            if (At(after) is not (',' or ']' or '}' or ':' or '#' or '\n'))
            {
                throw Outside();
            }
        }

        _builder.AddScalar(Slice(_pos, end - _pos), isPlain: true, new SourceSpan(start.Line, start.Column, _line, start.Column + (end - _pos)));
        _pos = end;
    }

    /// <summary>Thrown to leave the subset; caught in <see cref="TryRead"/> only.</summary>
    private sealed class OutsideSubsetException : Exception
    {
    }
}
