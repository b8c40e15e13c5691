using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Shipshape.Core.Suppression;

/// <summary>
/// The <c># shipshape-disable-next-line</c>, <c># shipshape-disable</c> and <c># shipshape-enable</c> comments of
/// one file, as line ranges. Comments are found with YamlDotNet's scanner, so a <c>#</c> inside a quoted or block
/// scalar is never taken for a directive. A <c>disable</c> without its <c>enable</c> lasts to the end of its document.
/// </summary>
public sealed class CommentDirectives
{
    private const string Prefix = "shipshape-";
    private const string NextLine = "shipshape-disable-next-line";
    private const string Disable = "shipshape-disable";
    private const string Enable = "shipshape-enable";

    public static CommentDirectives None { get; } = new([]);

    private readonly IReadOnlyList<DirectiveRange> _ranges;

    private CommentDirectives(IReadOnlyList<DirectiveRange> ranges)
    {
        _ranges = ranges;
    }

    /// <summary>The reason a finding of <paramref name="ruleId"/> on <paramref name="line"/> is suppressed, or null.</summary>
    public string? SuppressionOf(string ruleId, int line)
    {
        foreach (var range in _ranges)
        {
            if (line >= range.FirstLine && line <= range.LastLine && (range.Id == ruleId || range.Id == SuppressionList.AllId))
            {
                return range.Reason ?? "comment";
            }
        }

        return null;
    }

    /// <summary>Reads the directives of <paramref name="file"/>; malformed ones and unknown rule IDs are reported as SHIP0005.</summary>
    public static CommentDirectives Read(SourceFile file, List<Diagnostic> diagnostics)
    {
        // Most files have no directive: skip the scan for them.
        if (file.Content.IndexOf(Prefix.AsSpan()) < 0)
        {
            return None;
        }

        var lines = file.Text.Split('\n');
        var reader = new DirectiveReader(file, lines, diagnostics);
        reader.Scan();
        return new CommentDirectives(reader.Ranges);
    }

    /// <summary>Lines on which findings of one rule (or of every rule, for "ALL") are suppressed.</summary>
    private sealed record DirectiveRange(int FirstLine, int LastLine, string Id, string? Reason);

    private sealed record OpenRange(int FirstLine, string Id, string? Reason, bool SawContent);

    /// <summary>Walks the scanner's tokens, turning directive comments into ranges.</summary>
    private sealed class DirectiveReader(SourceFile file, string[] lines, List<Diagnostic> diagnostics)
    {
        private readonly List<SuppressionList> _pendingNextLine = [];
        private readonly List<OpenRange> _open = [];
        private readonly HashSet<int> _directiveLines = [];

        public List<DirectiveRange> Ranges { get; } = [];

        public void Scan()
        {
            var startLine = 1;
            while (startLine <= lines.Length)
            {
                var text = string.Join('\n', lines, startLine - 1, lines.Length - startLine + 1);
                if (ScanPart(text, lineOffset: startLine - 1))
                {
                    break;
                }

                // The scanner can fail later than the parser would (a broken flow collection swallows the next
                // '---'), so resume at the first document marker after this part's start: every document after a
                // broken one is still read, and each restart makes progress.
                startLine = NextDocumentMarker(startLine + 1);
            }

            CloseOpenRanges(lines.Length);
        }

        /// <summary>
        /// Reads the tokens of <paramref name="text"/>; false when the scanner gave up. YamlDotNet's scanner (not its
        /// parser, which rejects comments in some valid places) tells comments from text inside scalars.
        /// </summary>
        private bool ScanPart(string text, int lineOffset)
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            try
            {
                while (scanner.MoveNext())
                {
                    var token = scanner.Current!;
                    var line = (int)token.Start.Line + lineOffset;
                    switch (token)
                    {
                        case Comment comment:
                            Directive(line, (int)token.Start.Column, comment.IsInline);
                            break;
                        case DocumentStart or DocumentEnd:
                            EndDocument(line - 1);
                            break;
                        case StreamStart or StreamEnd:
                            break;
                        default:
                            Content(line);
                            break;
                    }
                }

                return true;
            }
            catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                // The loader reports the syntax error (SHIP0001); here it only ends this part.
                _pendingNextLine.Clear();
                return false;
            }
        }

        private int NextDocumentMarker(int fromLine)
        {
            for (var line = fromLine; line <= lines.Length; line++)
            {
                var text = lines[line - 1].TrimEnd('\r');
                if (text == "---" || text.StartsWith("--- ", StringComparison.Ordinal))
                {
                    return line;
                }
            }

            return lines.Length + 1;
        }

        private void Content(int line)
        {
            foreach (var ids in _pendingNextLine)
            {
                foreach (var (id, _) in ids.Ids)
                {
                    Ranges.Add(new DirectiveRange(line, line, id, ids.Reason));
                }
            }

            _pendingNextLine.Clear();
            for (var i = 0; i < _open.Count; i++)
            {
                _open[i] = _open[i] with { SawContent = true };
            }
        }

        private void EndDocument(int lastLine)
        {
            // A disable directive above a document's own '---' belongs to that document, so only ranges
            // that have seen content end here.
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_open[i].SawContent)
                {
                    Ranges.Add(new DirectiveRange(_open[i].FirstLine, lastLine, _open[i].Id, _open[i].Reason));
                    _open.RemoveAt(i);
                }
            }
        }

        private void CloseOpenRanges(int lastLine)
        {
            foreach (var open in _open)
            {
                Ranges.Add(new DirectiveRange(open.FirstLine, lastLine, open.Id, open.Reason));
            }

            _open.Clear();
        }

        private void Directive(int line, int column, bool isInline)
        {
            // After a restart the same comment can be scanned twice; it counts once.
            if (!_directiveLines.Add(line))
            {
                return;
            }

            var lineText = lines[line - 1].TrimEnd('\r');
            var bodyStart = column; // 0-based index just past the '#'
            var body = lineText[bodyStart..];
            var trimmed = body.TrimStart();
            if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return;
            }

            var keywordStart = bodyStart + (body.Length - trimmed.Length);
            var keywordEnd = trimmed.IndexOfAny([' ', '\t']);
            var keyword = keywordEnd < 0 ? trimmed : trimmed[..keywordEnd];
            var argumentsStart = keywordStart + keyword.Length;
            var ids = SuppressionList.Parse(lineText[argumentsStart..]);
            if (keyword is not (NextLine or Disable or Enable) || isInline)
            {
                var problem = isInline
                    ? $"'{keyword}' must be on a line of its own; it has no effect after other text"
                    : $"'{keyword}' is not a Shipshape directive; use shipshape-disable-next-line, shipshape-disable or shipshape-enable";
                Report(line, keywordStart + 1, problem);
                return;
            }

            if (ids.Ids.Count == 0)
            {
                Report(line, keywordStart + 1, $"'{keyword}' names no rule; list rule IDs such as SHIP2005 (or 'all'), then optionally '-- reason'");
                return;
            }

            foreach (var (id, offset) in ids.Ids)
            {
                if (id != SuppressionList.AllId && RuleCatalog.Find(id) is null)
                {
                    Report(line, argumentsStart + offset + 1, $"'{id}' is not a Shipshape rule ID, so this directive suppresses nothing for it; check `shipshape rules` for the ID");
                }
            }

            switch (keyword)
            {
                case NextLine:
                    _pendingNextLine.Add(ids);
                    break;
                case Disable:
                    _open.AddRange(ids.Ids.Select(d => new OpenRange(line, d.Id, ids.Reason, SawContent: false)));
                    break;
                default:
                    EnableAgain(line, ids);
                    break;
            }
        }

        /// <summary>Ends the open disable ranges of the IDs named (<c>all</c> ends every one).</summary>
        private void EnableAgain(int line, SuppressionList enabled)
        {
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (enabled.Covers(_open[i].Id))
                {
                    Ranges.Add(new DirectiveRange(_open[i].FirstLine, line, _open[i].Id, _open[i].Reason));
                    _open.RemoveAt(i);
                }
            }
        }

        private void Report(int line, int column, string problem) => diagnostics.Add(new Diagnostic
        {
            Descriptor = SHIP0005InvalidSuppression.Rule,
            Severity = SHIP0005InvalidSuppression.Rule.DefaultSeverity,
            Message = SHIP0005InvalidSuppression.Rule.FormatMessage([problem]),
            FilePath = file.Path,
            Span = new SourceSpan(line, column, line, lines[line - 1].TrimEnd('\r').Length + 1),
        });
    }
}
