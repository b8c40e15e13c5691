using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Suppression;

/// <summary>
/// The <c># shipshape-disable-next-line</c>, <c># shipshape-disable</c> and <c># shipshape-enable</c> comments of
/// one file, as line ranges. Comments are found by <see cref="CommentScanner"/> in one linear pass, so a <c>#</c> inside a
/// quoted or block scalar is never taken for a directive. A <c>disable</c> without its <c>enable</c> lasts to the end of its document.
/// </summary>
public sealed class CommentDirectives
{
    private const string Prefix = "shipshape-";
    private const string NextLine = "shipshape-disable-next-line";
    private const string Disable = "shipshape-disable";
    private const string Enable = "shipshape-enable";

    public static CommentDirectives None { get; } = new([]);

    /// <summary>The ranges of each rule ID (and of "ALL"), each with its place among all ranges: the first that covers a finding gives the reason.</summary>
    private readonly Dictionary<string, List<(int Order, DirectiveRange Range)>> _rangesById = new(StringComparer.Ordinal);

    private CommentDirectives(IReadOnlyList<DirectiveRange> ranges)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (!_rangesById.TryGetValue(ranges[i].Id, out var list))
            {
                _rangesById[ranges[i].Id] = list = [];
            }

            list.Add((i, ranges[i]));
        }
    }

    /// <summary>The reason a finding of <paramref name="ruleId"/> on <paramref name="line"/> is suppressed, or null.</summary>
    public string? SuppressionOf(string ruleId, int line)
    {
        var (order, range) = FirstCovering(ruleId, line);
        var (allOrder, allRange) = FirstCovering(SuppressionList.AllId, line);
        var covering = allOrder < order ? allRange : range;
        return covering is null ? null : covering.Reason ?? "comment";
    }

    private (int Order, DirectiveRange? Range) FirstCovering(string id, int line)
    {
        if (_rangesById.TryGetValue(id, out var ranges))
        {
            foreach (var (order, range) in ranges)
            {
                if (line >= range.FirstLine && line <= range.LastLine)
                {
                    return (order, range);
                }
            }
        }

        return (int.MaxValue, null);
    }

    /// <summary>Reads the directives of <paramref name="file"/>; malformed ones and unknown rule IDs are reported as SHIP0005.</summary>
    public static CommentDirectives Read(SourceFile file, List<Diagnostic> diagnostics)
    {
        // Most files have no directive: skip the scan for them.
        if (file.Content.IndexOf(Prefix.AsSpan()) < 0)
        {
            return None;
        }

        var reader = new DirectiveReader(file, diagnostics);
        var lineCount = CommentScanner.Scan(file.Text, reader);
        reader.CloseOpenRanges(lineCount);
        return new CommentDirectives(reader.Ranges);
    }

    /// <summary>Lines on which findings of one rule (or of every rule, for "ALL") are suppressed.</summary>
    private sealed record DirectiveRange(int FirstLine, int LastLine, string Id, string? Reason);

    private sealed record OpenRange(int FirstLine, string Id, string? Reason, bool SawContent);

    /// <summary>Turns the directive comments the scanner finds into ranges.</summary>
    private sealed class DirectiveReader(SourceFile file, List<Diagnostic> diagnostics) : ICommentScannerEvents
    {
        private readonly List<SuppressionList> _pendingNextLine = [];
        private readonly List<OpenRange> _open = [];

        public List<DirectiveRange> Ranges { get; } = [];

        public void DocumentMarker(int line) => EndDocument(line - 1);

        public void Content(int line)
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

        public void CloseOpenRanges(int lastLine)
        {
            foreach (var open in _open)
            {
                Ranges.Add(new DirectiveRange(open.FirstLine, lastLine, open.Id, open.Reason));
            }

            _open.Clear();
        }

        public void Comment(int line, string lineText, int bodyStart, bool isInline)
        {
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
                Report(line, lineText, keywordStart + 1, problem);
                return;
            }

            if (ids.Ids.Count == 0)
            {
                Report(line, lineText, keywordStart + 1, $"'{keyword}' names no rule; list rule IDs such as SHIP2005 (or 'all'), then optionally '-- reason'");
                return;
            }

            foreach (var (id, offset) in ids.Ids)
            {
                if (id != SuppressionList.AllId && RuleCatalog.Find(id) is null)
                {
                    Report(line, lineText, argumentsStart + offset + 1, $"'{id}' is not a Shipshape rule ID, so this directive suppresses nothing for it; check `shipshape rules` for the ID");
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

        private void Report(int line, string lineText, int column, string problem) => diagnostics.Add(new Diagnostic
        {
            Descriptor = SHIP0005InvalidSuppression.Rule,
            Severity = SHIP0005InvalidSuppression.Rule.DefaultSeverity,
            Message = SHIP0005InvalidSuppression.Rule.FormatMessage([problem]),
            FilePath = file.Path,
            Span = new SourceSpan(line, column, line, lineText.Length + 1),
        });
    }
}
