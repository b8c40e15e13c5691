using Shipshape.Core.Analysis;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Syntax;
using SharpYaml;
using SharpYaml.Events;
using Shipshape.Core.Loading.Segments;

namespace Shipshape.Core.Loading;

/// <summary>What the loader made of one file: its non-empty documents and the problems it met.</summary>
public sealed record LoadedFile(SourceFile File, IReadOnlyList<ManifestDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads a YAML stream through SharpYaml's parser into <see cref="Node"/> trees that keep every node's position.
/// Documents come from the parser's own document events; a large file is cut only where a line starts with
/// <c>---</c>, which YAML forbids inside any node, to read the pieces on several threads.
/// Aliases resolve to the anchored node; <c>&lt;&lt;</c> merge keys are applied; duplicate keys are reported
/// (SHIP0002); alias expansion and nesting are bounded (SHIP0004); a syntax error (SHIP0001) loses only the
/// document it is in: parsing resumes at the next document marker.
/// </summary>
public sealed class YamlLoader
{
    /// <summary>Below this many characters, a file is read whole: cutting it into segments costs more than it saves.</summary>
    internal const int MinLengthToReadInSegments = 1024 * 1024;

    /// <summary>About how many characters a segment of a large file has: its tree is about ten times that.</summary>
    private const int SegmentLength = 1024 * 1024;

    private readonly LoaderLimits _limits;
    private readonly bool _blockReaderFirst;
    private readonly int _threads;
    private readonly int _minLengthToReadInSegments;

    /// <param name="threads">How many threads may read the segments of one large file at once.</param>
    public YamlLoader(LoaderLimits? limits = null, int threads = 1)
        : this(limits, blockReaderFirst: true, threads)
    {
    }

    /// <param name="blockReaderFirst">False reads every file with SharpYaml alone (tests compare both readers).</param>
    /// <param name="minLengthToReadInSegments">Tests read small files in segments too.</param>
    internal YamlLoader(LoaderLimits? limits, bool blockReaderFirst, int threads = 1, int minLengthToReadInSegments = MinLengthToReadInSegments)
    {
        _limits = limits ?? LoaderLimits.Default;
        _blockReaderFirst = blockReaderFirst;
        _threads = Math.Max(threads, 1);
        _minLengthToReadInSegments = minLengthToReadInSegments;
    }

    /// <summary>Reads the file: a large one in segments (see <see cref="TryLoadInSegments"/>), any other whole.</summary>
    public LoadedFile Load(SourceFile file) =>
        TryLoadInSegments(file, part => part) is { } parts ? Join(file, parts) : LoadWhole(file);

    /// <summary>
    /// Reads the file as one reader: the block reader, or, when it gives up, a document at a time (<see cref="DocumentPieces"/>),
    /// so that a syntax error loses only its own document. A file that reads as YAML but names or labels its objects
    /// with <c>{{ … }}</c> placeholders is a template too.
    /// </summary>
    internal LoadedFile LoadWhole(SourceFile file) =>
        ReadWhole(file) is var loaded && TemplateDetector.TryFindPlaceholderInIdentity(loaded.Documents, out var placeholder)
            ? UnrenderedTemplate(file, placeholder)
            : loaded;

    private static LoadedFile UnrenderedTemplate(SourceFile file, SourceSpan templateSpan)
    {
        var rule = SHIP0007UnrenderedTemplate.Rule;
        return new LoadedFile(file, [], [new Diagnostic { Descriptor = rule, Severity = rule.DefaultSeverity, Message = rule.FormatMessage([]), FilePath = file.Path, Span = templateSpan }]);
    }

    /// <summary>What the readers make of the file, before the check for placeholders (tests compare the readers on it).</summary>
    internal LoadedFile ReadWhole(SourceFile file)
    {
        var documents = new List<ManifestDocument>();
        var diagnostics = new List<Diagnostic>();
        var (characters, length) = file.Characters();
        if (_blockReaderFirst)
        {
            if (BlockYamlReader.TryRead(characters, length, new DocumentBuilder(file, _limits, 0, documents, diagnostics), _limits.MaxDepth))
            {
                return new LoadedFile(file, documents, diagnostics);
            }
        }

        // Outside the block reader's subset: a document at a time, SharpYaml reading those the block reader does not.
        documents.Clear();
        diagnostics.Clear();
        var outcome = DocumentPieces.Read(file, characters, new BlockYamlReader.TextSegment(0, length, 1), _limits, _blockReaderFirst, documents, diagnostics);

        // A syntax error or a mapping used as a key is what an unrendered template looks like to a YAML parser;
        // when the file has template actions, one finding about the template replaces that cascade.
        if ((outcome.SawComplexKey || outcome.SawSyntaxError) && TemplateDetector.TryFindTemplateAction(file.Text, out var templateSpan))
        {
            return UnrenderedTemplate(file, templateSpan);
        }

        return new LoadedFile(file, documents, diagnostics);
    }

    /// <summary>
    /// Reads a large stream of documents (a rendered chart, a cluster dump, one file with a whole application) in
    /// segments of about a megabyte, on as many threads as the loader may use, and hands each segment's documents to
    /// <paramref name="analyze"/> on the thread that read them, so that only the segments in flight are held as trees.
    /// Documents are numbered within their segment; findings have their positions in the whole file. SharpYaml reads
    /// the documents outside the block reader's subset, and only those. Null when the file is small or has one segment,
    /// or when a segment has a syntax error or the file more documents than the limit: <see cref="LoadWhole"/> then
    /// reads it, as one reader would (resynchronising after errors, reporting an unrendered template).
    /// </summary>
    /// <returns>What <paramref name="analyze"/> made of each segment, in stream order.</returns>
    internal IReadOnlyList<T>? TryLoadInSegments<T>(SourceFile file, Func<LoadedFile, T> analyze)
    {
        if (!_blockReaderFirst)
        {
            return null;
        }

        var (characters, length) = file.Characters();
        if (length < _minLengthToReadInSegments
            || BlockYamlReader.SplitAtDocumentMarkers(characters, new BlockYamlReader.TextSegment(0, length, 1), Math.Max(_threads * 4, length / SegmentLength)) is not { } segments)
        {
            return null;
        }

        var results = new T[segments.Count];
        var hasTemplateAction = new Lazy<bool>(() => TemplateDetector.TryFindTemplateAction(file.Text, out _));
        var failed = false;
        var documents = 0;
        Parallel.For(0, segments.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, (i, loop) =>
        {
            if (Volatile.Read(ref failed) || ReadSegment(file, characters, segments[i], hasTemplateAction) is not { } part)
            {
                Volatile.Write(ref failed, true);
                loop.Stop();
                return;
            }

            Interlocked.Add(ref documents, part.Documents.Count);
            results[i] = analyze(part);
        });

        // One reader stops at the document limit; at it, let that reader say where.
        return failed || documents >= _limits.MaxDocuments ? null : results;
    }

    /// <summary>
    /// One segment's documents, or null when it has a syntax error or a complex key in a file with template actions:
    /// one finding about the template then replaces the file's (see <see cref="LoadWhole"/>).
    /// </summary>
    private LoadedFile? ReadSegment(SourceFile file, char[] characters, BlockYamlReader.TextSegment segment, Lazy<bool> hasTemplateAction)
    {
        var documents = new List<ManifestDocument>();
        var diagnostics = new List<Diagnostic>();
        if (BlockYamlReader.TryReadSegment(characters, segment, new DocumentBuilder(file, _limits, 0, documents, diagnostics), _limits.MaxDepth))
        {
            return new LoadedFile(file, documents, diagnostics);
        }

        // Something in the segment is outside the block reader's subset (an anchor, a folded scalar with more-indented
        // lines, CRLF, a syntax error): it is read a document at a time, as one reader reads such a file.
        documents.Clear();
        diagnostics.Clear();
        var outcome = DocumentPieces.Read(file, characters, segment, _limits, blockReaderFirst: true, documents, diagnostics);
        return (outcome.SawSyntaxError || outcome.SawComplexKey) && hasTemplateAction.Value ? null : new LoadedFile(file, documents, diagnostics);
    }

    /// <summary>The segments of <see cref="TryLoadInSegments"/> as one file, numbered as one reader numbers documents.</summary>
    private static LoadedFile Join(SourceFile file, IReadOnlyList<LoadedFile> parts)
    {
        var documents = new List<ManifestDocument>();
        var diagnostics = new List<Diagnostic>();
        foreach (var part in parts)
        {
            foreach (var document in part.Documents)
            {
                documents.Add(document.Index == documents.Count ? document : new ManifestDocument(file, documents.Count, document.Root));
            }

            diagnostics.AddRange(part.Diagnostics);
        }

        return new LoadedFile(file, documents, diagnostics);
    }

    /// <summary>
    /// Builds node trees from the events of one run of SharpYaml's parser (a new builder takes over after a syntax
    /// error), or from the block reader's calls: both readers share its limits, duplicate-key and merge handling.
    /// </summary>
    internal sealed class DocumentBuilder
    {
        private readonly SourceFile _file;
        private readonly LoaderLimits _limits;
        private readonly int _lineOffset;
        private readonly List<ManifestDocument> _documents;
        private readonly List<Diagnostic> _diagnostics;
        /// <summary>The open document's collections; null between documents, when the stack is back with its thread.</summary>
        private FrameStack? _openFrames;
        private readonly Dictionary<string, (Node Node, long Weight)> _anchors = new(StringComparer.Ordinal);
        private Node? _root;
        private long _rootWeight;
        private bool _skippingDocument;

        /// <summary>True once the document limit is reached: no further document of the file is to be read.</summary>
        public bool StoppedFile { get; private set; }

        /// <summary>Raised when a mapping or sequence is used as a mapping key, which no Kubernetes object does.</summary>
        public event Action? ComplexKeySeen;

        public DocumentBuilder(SourceFile file, LoaderLimits limits, int lineOffset, List<ManifestDocument> documents, List<Diagnostic> diagnostics)
        {
            _file = file;
            _limits = limits;
            _lineOffset = lineOffset;
            _documents = documents;
            _diagnostics = diagnostics;
        }

        /// <summary>
        /// Parses until the end of the stream. Returns the line to resume from (after a syntax error, or after a
        /// document too deeply nested to finish reading), or null when the stream was read to its end.
        /// </summary>
        public int? Parse(string text)
        {
            // The parser's own nesting guard sits just past ours, so ours reports first (SHIP0004, with the limit).
            var parser = Parser.CreateParser(new StringReader(text), maxDepth: _limits.MaxDepth + 1);
            var lastMark = Mark.Empty;
            try
            {
                while (parser.MoveNext())
                {
                    var current = parser.Current!;
                    lastMark = current.Start;
                    switch (Handle(current))
                    {
                        case Step.StopFile:
                            return null;
                        case Step.Resynchronise:
                            return ToMark(current.Start).Line;
                    }
                }

                return null;
            }
            catch (YamlException exception)
            {
                var span = ToSpan(exception.Start, exception.End);
                var message = CleanMessage(exception.Message);
                var errorLine = exception.Start.Line + 1;
                if ((IsTabAt(text, exception.Start.Index) || message.Contains("tab", StringComparison.Ordinal)) && FindTabIndentation(text, errorLine) is { } tab)
                {
                    // The parser stops at some token near the tab; the tab itself, with what to do, is more useful.
                    span = new SourceSpan(tab.Line + _lineOffset, tab.Column, tab.Line + _lineOffset, tab.Column + 1);
                    message = "a tab is used for indentation; YAML indents with spaces only";
                }

                // An unclosed [ or { is found where the parser gives up, often at the next document; the bracket is what to fix.
                var resumeLine = span.Line;
                if (UnclosedFlowStart(message) is { } open)
                {
                    span = new SourceSpan(open.Line, open.Column, open.Line, open.Column + 1);
                    message += message.Contains("sequence", StringComparison.Ordinal) ? " (the '[' here is never closed)" : " (the '{' here is never closed)";
                }

                Report(SHIP0001YamlSyntaxError.Rule, span, message);
                return resumeLine;
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                // The parser signals a few malformed inputs with general exceptions; they are still syntax errors of the file.
                var span = ToSpan(lastMark, lastMark);
                Report(SHIP0001YamlSyntaxError.Rule, span, exception.Message);
                return span.Line;
            }
        }

        /// <summary>Where the innermost open flow collection the parser's message is about starts, if any.</summary>
        private (int Line, int Column)? UnclosedFlowStart(string message) =>
            message.Contains("flow sequence", StringComparison.Ordinal) ? _openFrames?.InnermostFlowStart(isMapping: false)
            : message.Contains("flow mapping", StringComparison.Ordinal) ? _openFrames?.InnermostFlowStart(isMapping: true)
            : null;

        private static bool IsTabAt(string text, int index) => index >= 0 && index < text.Length && text[index] == '\t';

        /// <summary>The first tab in a line's indentation, at or after <paramref name="fromLine"/>.</summary>
        private static (int Line, int Column)? FindTabIndentation(string text, int fromLine)
        {
            var line = 0;
            foreach (var range in text.AsSpan().Split('\n'))
            {
                line++;
                if (line < fromLine)
                {
                    continue;
                }

                var content = text.AsSpan()[range];
                var indentation = content.Length - content.TrimStart(" \t").Length;
                var tab = content[..indentation].IndexOf('\t');
                if (tab >= 0)
                {
                    return (line, tab + 1);
                }
            }

            return null;
        }

        /// <summary>Handles one parser event and says how to go on.</summary>
        private Step Handle(ParsingEvent current)
        {
            switch (current)
            {
                case DocumentStart:
                    BeginDocument();
                    return Step.Continue;
                case DocumentEnd:
                    return EndDocument() ? Step.Continue : Step.StopFile;
                case Scalar scalar:
                    AddScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToSpan(scalar.Start, scalar.End), TagOf(scalar), AnchorOf(scalar));
                    return Step.Continue;
                case MappingStart mapping:
                    return BeginCollection(isMapping: true, ToMark(mapping.Start), AnchorOf(mapping), TagOf(mapping), mapping.Style == YamlStyle.Flow);
                case SequenceStart sequence:
                    return BeginCollection(isMapping: false, ToMark(sequence.Start), AnchorOf(sequence), TagOf(sequence), sequence.Style == YamlStyle.Flow);
                case MappingEnd or SequenceEnd:
                    EndCollection(ToMark(current.End));
                    return Step.Continue;
                case AnchorAlias alias:
                    AddAlias(alias.Value, ToSpan(alias.Start, alias.End));
                    return Step.Continue;
                default:
                    return Step.Continue;
            }
        }

        /// <summary>The open document's collections (see <see cref="FrameStack.Rent"/>).</summary>
        private FrameStack Frames => _openFrames ?? throw new InvalidOperationException("No YAML document is open.");

        public void BeginDocument()
        {
            _openFrames ??= FrameStack.Rent();
            Frames.Clear();
            _anchors.Clear();
            _root = null;
            _rootWeight = 0;
            _skippingDocument = false;
        }

        public void AddScalar(string value, bool isPlain, SourceSpan span, string? tag = null, string? anchor = null)
        {
            if (_skippingDocument)
            {
                return;
            }

            if (value.Length > _limits.MaxScalarLength)
            {
                SkipDocument(span, $"a scalar of {value.Length:N0} characters exceeds the limit of {_limits.MaxScalarLength:N0}");
                return;
            }

            if (isPlain && tag is null && anchor is null && Frames.Count > 0 && Frames.Peek() is { IsMapping: true, ExpectsKey: true } mapping)
            {
                // A plain key needs no node of its own (see MappingEntry).
                if (!mapping.AddPlainKey(value, span, _limits.MaxExpandedNodes))
                {
                    SkipDocument(span, TooManyNodes);
                }

                return;
            }

            Complete(new ScalarNode(value, isPlain, span, tag), 1, anchor);
        }

        /// <summary>Starts a mapping or sequence at <paramref name="start"/> (1-based line and column).</summary>
        public Step BeginCollection(bool isMapping, (int Line, int Column) start, string? anchor = null, string? tag = null, bool isFlow = false) =>
            _skippingDocument ? Step.Continue : Open(isMapping, start, anchor, tag, isFlow);

        /// <summary>Ends the innermost mapping or sequence; <paramref name="end"/> counts only for flow collections.</summary>
        public void EndCollection((int Line, int Column) end)
        {
            if (_skippingDocument)
            {
                return;
            }

            var frame = Frames.Pop();
            var (built, weight) = frame.Build(end);
            Complete(built, weight, frame.Anchor);
        }

        private void AddAlias(string name, SourceSpan span)
        {
            if (_skippingDocument)
            {
                return;
            }

            if (!_anchors.TryGetValue(name, out var anchored))
            {
                SkipDocument(span, $"the alias *{name} names no anchor defined before it", SHIP0001YamlSyntaxError.Rule);
                return;
            }

            Complete(anchored.Node, anchored.Weight, anchor: null, span);
        }

        private Step Open(bool isMapping, (int Line, int Column) start, string? anchor, string? tag, bool isFlow)
        {
            if (Frames.Count >= _limits.MaxDepth)
            {
                // Stop reading the document here rather than let the parser walk the rest of the nesting: no
                // Kubernetes object is this deep, and the document is dropped anyway.
                SkipDocument(new SourceSpan(start.Line, start.Column, start.Line, start.Column), $"nesting deeper than {_limits.MaxDepth} levels");
                return Step.Resynchronise;
            }

            Frames.Push(isMapping, start, anchor, tag, isFlow);
            return Step.Continue;
        }

        /// <param name="at">Where the node was used: the alias's own position when it is an alias, else the node's.</param>
        private void Complete(Node node, long weight, string? anchor, SourceSpan? at = null)
        {
            if (anchor is not null)
            {
                _anchors[anchor] = (node, weight);
            }

            if (Frames.Count == 0)
            {
                _root = node;
                _rootWeight = weight;
                return;
            }

            var parent = Frames.Peek();
            if (parent.IsMapping && parent.ExpectsKey && node is not ScalarNode)
            {
                ComplexKeySeen?.Invoke();
            }

            if (!parent.Add(node, weight, _limits.MaxExpandedNodes, out var duplicateKey))
            {
                SkipDocument(at ?? node.Span, TooManyNodes);
                return;
            }

            if (duplicateKey is { } duplicate)
            {
                Report(SHIP0002DuplicateKey.Rule, duplicate.KeySpan, duplicate.KeyText, duplicate.FirstLine);
            }
        }

        /// <summary>Completes the document; false when no further document of the file is to be read.</summary>
        public bool EndDocument()
        {
            if (_openFrames is { } frames)
            {
                _openFrames = null;
                FrameStack.Return(frames);
            }

            var root = _root;
            var skipped = _skippingDocument;
            _root = null;
            if (skipped || root is null || root is ScalarNode { IsNull: true, Tag: null })
            {
                return true;
            }

            if (_rootWeight > _limits.MaxExpandedNodes)
            {
                Report(SHIP0004InputLimitExceeded.Rule, root.Span, TooManyNodes);
                return true;
            }

            if (_documents.Count >= _limits.MaxDocuments)
            {
                Report(SHIP0004InputLimitExceeded.Rule, root.Span, $"the file has more than {_limits.MaxDocuments:N0} documents; the rest are not read");
                StoppedFile = true;
                return false;
            }

            _documents.Add(new ManifestDocument(_file, _documents.Count, root));
            return true;
        }

        /// <summary>Why a document whose aliases expand past the limit is not read.</summary>
        private string TooManyNodes => $"aliases expand the document to more than {_limits.MaxExpandedNodes:N0} nodes";

        private void SkipDocument(SourceSpan span, string reason, DiagnosticDescriptor? descriptor = null)
        {
            Report(descriptor ?? SHIP0004InputLimitExceeded.Rule, span, reason);
            _skippingDocument = true;
            _openFrames?.Clear();
            _root = null;
        }

        private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
            _diagnostics.Add(new Diagnostic
            {
                Descriptor = descriptor,
                Severity = descriptor.DefaultSeverity,
                Message = descriptor.FormatMessage(arguments),
                FilePath = _file.Path,
                Span = span,
            });

        // SharpYaml counts lines and columns from 0; reports count them from 1.
        private (int Line, int Column) ToMark(Mark mark) => (mark.Line + 1 + _lineOffset, mark.Column + 1);

        private SourceSpan ToSpan(Mark start, Mark end) =>
            new(start.Line + 1 + _lineOffset, start.Column + 1, end.Line + 1 + _lineOffset, end.Column + 1);

        private static string? AnchorOf(NodeEvent node) => string.IsNullOrEmpty(node.Anchor) ? null : node.Anchor;

        // "!" is the non-specific tag: it only says the node is not resolved by its content.
        private static string? TagOf(NodeEvent node) => string.IsNullOrEmpty(node.Tag) || node.Tag == "!" ? null : node.Tag;

        /// <summary>
        /// Drops SharpYaml's "(Lin: 3, Col: 5, Chr: 20) - (…): " prefix, since the report carries the location
        /// already, and mends its "find" into "found" and its doubled spaces.
        /// </summary>
        private static string CleanMessage(string message)
        {
            var text = message;
            if (text.StartsWith("(Lin:", StringComparison.Ordinal) && text.IndexOf("): ", StringComparison.Ordinal) is var separator and >= 0)
            {
                text = text[(separator + 3)..];
            }

            return text.Replace(", find ", ", found ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).TrimEnd().TrimEnd('.');
        }
    }

    internal enum Step
    {
        Continue,
        StopFile,
        Resynchronise,
    }

    /// <summary>
    /// The mappings and sequences being built, innermost last. Frames and their lists are reused from document to
    /// document and from file to file on a thread, so reading a file allocates its nodes and little else (a new stack
    /// for each of the 5,140 small files of the benchmark's ×10 corpus was a tenth of what linting them allocated).
    /// </summary>
    private sealed class FrameStack
    {
        /// <summary>This thread's stack while no document holds it: a rented stack leaves the slot, so no two documents share one.</summary>
        [ThreadStatic]
        private static FrameStack? t_spare;

        private readonly List<Frame> _frames = [];

        public static FrameStack Rent()
        {
            var stack = t_spare ?? new FrameStack();
            t_spare = null;
            return stack;
        }

        public static void Return(FrameStack stack)
        {
            // A spare stack holds no nodes: the last document's tree must not live on in its frames' lists.
            foreach (var frame in stack._frames)
            {
                frame.Reset(isMapping: false, start: default, anchor: null, tag: null, isFlow: false);
            }

            stack.Clear();
            t_spare = stack;
        }

        public int Count { get; private set; }

        public void Push(bool isMapping, (int Line, int Column) start, string? anchor, string? tag, bool isFlow)
        {
            if (Count == _frames.Count)
            {
                _frames.Add(new Frame());
            }

            _frames[Count++].Reset(isMapping, start, anchor, tag, isFlow);
        }

        public Frame Peek() => _frames[Count - 1];

        public (int Line, int Column)? InnermostFlowStart(bool isMapping)
        {
            for (var i = Count - 1; i >= 0; i--)
            {
                if (_frames[i].IsFlow && _frames[i].IsMapping == isMapping)
                {
                    return _frames[i].Start;
                }
            }

            return null;
        }

        public Frame Pop() => _frames[--Count];

        public void Clear() => Count = 0;
    }

    /// <summary>
    /// A mapping or sequence being built; its children arrive one completed node at a time into scratch lists
    /// that are copied into an exactly sized array when the collection ends.
    /// </summary>
    private sealed class Frame
    {
        private const int IndexThreshold = 8;
        private readonly List<Node> _items = [];
        private readonly List<MappingEntry> _entries = [];
        private Dictionary<string, int>? _keyIndex;
        private List<Node>? _mergeSources;

        /// <summary>The key waiting for its value: a plain key's text, or the node of any other key.</summary>
        private object? _pendingKey;
        private SourceSpan _pendingKeySpan;
        private long _weight;

        public bool IsMapping { get; private set; }

        /// <summary>True when the next child of this mapping is a key.</summary>
        public bool ExpectsKey => _pendingKey is null;

        public (int Line, int Column) Start { get; private set; }

        public string? Anchor { get; private set; }

        public string? Tag { get; private set; }

        public bool IsFlow { get; private set; }

        public void Reset(bool isMapping, (int Line, int Column) start, string? anchor, string? tag, bool isFlow)
        {
            IsMapping = isMapping;
            Start = start;
            Anchor = anchor;
            Tag = tag;
            IsFlow = isFlow;
            _items.Clear();
            _entries.Clear();
            _keyIndex = null;
            _mergeSources = null;
            _pendingKey = null;
            _weight = 1;
        }

        /// <summary>Takes a plain scalar as this mapping's next key; false when the expanded size passes the limit.</summary>
        public bool AddPlainKey(string text, SourceSpan span, long maxWeight)
        {
            if (!AddWeight(1, maxWeight))
            {
                return false;
            }

            _pendingKey = text;
            _pendingKeySpan = span;
            return true;
        }

        /// <summary>Adds a child; false when the expanded size passes the limit. Reports a duplicate key through <paramref name="duplicate"/>.</summary>
        public bool Add(Node node, long weight, long maxWeight, out (SourceSpan KeySpan, string KeyText, int FirstLine)? duplicate)
        {
            duplicate = null;
            if (!AddWeight(weight, maxWeight))
            {
                return false;
            }

            if (!IsMapping)
            {
                _items.Add(node);
                return true;
            }

            if (_pendingKey is null)
            {
                _pendingKey = node;
                return true;
            }

            var key = _pendingKey;
            _pendingKey = null;
            if (key is "<<" or ScalarNode { IsPlain: true, Value: "<<" } && node is MappingNode or SequenceNode)
            {
                (_mergeSources ??= []).Add(node);
                return true;
            }

            var entry = key is string text ? new MappingEntry(text, _pendingKeySpan, node) : new MappingEntry((Node)key, node);
            if (entry.KeyText is { } keyText && TryFindKey(keyText, out var existing))
            {
                duplicate = (entry.KeySpan, keyText, _entries[existing].KeySpan.Line);
                _entries[existing] = entry;
                return true;
            }

            AddEntry(entry);
            return true;
        }

        private bool AddWeight(long weight, long maxWeight)
        {
            _weight = weight > maxWeight - _weight ? maxWeight + 1 : _weight + weight;
            return _weight <= maxWeight;
        }

        public (Node Node, long Weight) Build((int Line, int Column) endMark)
        {
            var end = endMark;
            if (!IsFlow)
            {
                // A block collection ends where its last child ends, not at the next token after it.
                var last = IsMapping ? (_entries.Count > 0 ? _entries[^1].Value : null) : (_items.Count > 0 ? _items[^1] : null);
                if (last is not null)
                {
                    end = (last.Span.EndLine, last.Span.EndColumn);
                }
            }

            var span = new SourceSpan(Start.Line, Start.Column, end.Line, end.Column);
            if (!IsMapping)
            {
                return (new SequenceNode(_items.ToArray(), span, Tag), _weight);
            }

            ApplyMerges();
            return (new MappingNode(_entries.ToArray(), _keyIndex, span, Tag), _weight);
        }

        /// <summary>Applies <c>&lt;&lt;</c> merge keys: merged entries fill in keys the mapping does not set itself.</summary>
        private void ApplyMerges()
        {
            if (_mergeSources is null)
            {
                return;
            }

            foreach (var source in _mergeSources)
            {
                var mappings = source is SequenceNode sequence ? sequence.Mappings : [(MappingNode)source];
                foreach (var mapping in mappings)
                {
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.KeyText is not { } keyText || !TryFindKey(keyText, out _))
                        {
                            AddEntry(entry);
                        }
                    }
                }
            }
        }

        private void AddEntry(MappingEntry entry)
        {
            _entries.Add(entry);
            if (_keyIndex is not null)
            {
                if (entry.KeyText is { } keyText)
                {
                    _keyIndex[keyText] = _entries.Count - 1;
                }
            }
            else if (_entries.Count > IndexThreshold)
            {
                _keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < _entries.Count; i++)
                {
                    if (_entries[i].KeyText is { } text)
                    {
                        _keyIndex[text] = i;
                    }
                }
            }
        }

        private bool TryFindKey(string keyText, out int index)
        {
            if (_keyIndex is not null)
            {
                return _keyIndex.TryGetValue(keyText, out index);
            }

            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries[i].KeyText == keyText)
                {
                    index = i;
                    return true;
                }
            }

            index = -1;
            return false;
        }
    }
}
