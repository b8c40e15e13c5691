using System.Collections.Concurrent;
using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;
using Shipshape.Core.Provenance;
using Shipshape.Core.Rules;
using Shipshape.Core.Schema;
using Shipshape.Core.Suppression;

namespace Shipshape.Core.Engine;

/// <summary>
/// The path from bytes to findings, in one place: read → load (YAML with positions) → objects (typed models)
/// → per-object and per-pod rules (in parallel, per file) → whole-set rules → suppressions → Helm provenance (the chart
/// template of each finding in a <c>helm template</c> stream) → sorted report.
/// </summary>
public sealed class LintEngine
{
    /// <summary>PLINQ's own limit on the degree of parallelism.</summary>
    private const int MaxThreads = 512;

    private readonly LintOptions _options;
    private readonly Dictionary<string, List<Action<ObjectAnalysisContext>>> _objectActionsByKind = new(StringComparer.Ordinal);
    private readonly List<Action<ObjectAnalysisContext>> _objectActionsForAll = [];
    private readonly List<Action<PodAnalysisContext>> _podActions = [];
    private readonly List<Action<SetAnalysisContext>> _setActions = [];
    private readonly KubernetesSchemas _schemas;

    public LintEngine(LintOptions? options = null, IEnumerable<ManifestAnalyzer>? analyzers = null)
    {
        _options = options ?? new LintOptions();
        _schemas = KubernetesSchemas.Create(_options.KubernetesVersion, _options.SchemaFile, _options.SchemaLocations, _options.Rules.Strict);
        // One context collects every analyzer's registrations, in the catalogue's order.
        var context = new AnalysisContext(_schemas);
        foreach (var analyzer in analyzers ?? RuleCatalog.All)
        {
            // An analyzer whose every rule is off is not run at all.
            if (AnyEnabled(analyzer.SupportedDiagnostics, _options.Rules))
            {
                analyzer.Initialize(context);
            }
        }

        foreach (var (action, kinds) in context.ObjectActions)
        {
            if (kinds.Length == 0)
            {
                _objectActionsForAll.Add(action);
            }

            foreach (var kind in kinds)
            {
                if (!_objectActionsByKind.TryGetValue(kind, out var list))
                {
                    _objectActionsByKind[kind] = list = [];
                }

                list.Add(action);
            }
        }

        _podActions.AddRange(context.PodActions);
        _setActions.AddRange(context.SetActions);
    }

    private static bool AnyEnabled(IReadOnlyList<DiagnosticDescriptor> descriptors, RuleSettings rules)
    {
        for (var i = 0; i < descriptors.Count; i++)
        {
            if (rules.IsEnabled(descriptors[i]))
            {
                return true;
            }
        }

        return false;
    }

    public LintOptions Options => _options;

    public LintReport Run(IReadOnlyList<InputSource> inputs)
    {
        var objects = new List<KubeObject>();
        var customResources = _schemas.CreateCustomResourceSchemas();
        var sink = new DiagnosticSink(_options.Rules);
        var directives = new Dictionary<string, CommentDirectives>(StringComparer.Ordinal);
        var helmTemplates = new Dictionary<string, HelmTemplateSources>(StringComparer.Ordinal);
        var files = new LintedFile[inputs.Count];
        var documents = 0;

        // Files are analysed in parallel and taken in input order as they finish, so the report does not depend on
        // scheduling, and a run holds only what each file leaves for the whole-set rules (see Retain), not every
        // file's text and trees at once.
        // A single file (an editor, a pre-commit hook, `helm template | shipshape lint -`) is analysed on this thread,
        // and when it is large its segments are read and checked on all threads.
        IEnumerable<FileResult> results = inputs.Count == 1 ? [AnalyzeFile(inputs[0], threads: Math.Clamp(_options.Threads, 1, MaxThreads))] : Partitioner.Create(inputs as IList<InputSource> ?? [.. inputs], loadBalance: true)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Clamp(_options.Threads, 1, MaxThreads))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(input => AnalyzeFile(input, threads: 1));
        var index = 0;
        foreach (var result in results)
        {
            if (result.Directives != CommentDirectives.None)
            {
                directives.TryAdd(result.Path, result.Directives);
            }

            if (result.HelmTemplates is not null)
            {
                helmTemplates.TryAdd(result.Path, result.HelmTemplates);
            }

            objects.AddRange(result.Objects);
            customResources.Add(result.CustomResourceVersions);
            documents += result.Documents;
            foreach (var diagnostic in result.Diagnostics)
            {
                sink.Add(diagnostic);
            }

            files[index] = new LintedFile(inputs[index].Path, result.Objects.ConvertAll(o => QuotedText.Cut(o.Identity)));
            index++;
        }

        if (_setActions.Count > 0)
        {
            var setContext = new SetAnalysisContext(new ObjectSet(objects, customResources), sink);
            foreach (var action in _setActions)
            {
                action(setContext);
            }
        }

        // Files' findings are capped as each file is analysed; the whole-set rules' findings join them here.
        var diagnostics = CapPerFile(SuppressionFilter.Apply(sink.Diagnostics, directives));
        HelmTemplateSources.Attribute(diagnostics, helmTemplates);
        diagnostics.Sort(DiagnosticOrder.Instance);
        var active = diagnostics.Where(d => !d.IsSuppressed).ToArray();

        // A summary finding of a capped rule counts as the findings it stands for.
        var summary = new LintSummary(
            Files: inputs.Count,
            Documents: documents,
            Resources: objects.Count,
            Errors: active.Sum(d => d.Severity == Severity.Error ? Weight(d) : 0),
            Warnings: active.Sum(d => d.Severity == Severity.Warning ? Weight(d) : 0),
            Infos: active.Sum(d => d.Severity == Severity.Info ? Weight(d) : 0),
            Suppressed: diagnostics.Sum(d => d.IsSuppressed ? Weight(d) : 0));
        return new LintReport(_schemas.Target.ToString(), diagnostics, summary, [.. _schemas.Notes, .. _schemas.SchemaLocationWarnings()]) { Files = files };
    }

    private static int Weight(Diagnostic diagnostic) => Math.Max(diagnostic.Omitted, 1);

    /// <summary>The findings with <see cref="FindingCaps"/> applied to each file's.</summary>
    private List<Diagnostic> CapPerFile(List<Diagnostic> diagnostics)
    {
        if (_options.MaxFindingsPerRule <= 0 || diagnostics.Count <= _options.MaxFindingsPerRule)
        {
            return diagnostics;
        }

        var capped = new List<Diagnostic>(diagnostics.Count);
        foreach (var file in diagnostics.GroupBy(d => d.FilePath, StringComparer.Ordinal))
        {
            capped.AddRange(FindingCaps.Apply([.. file], _options.MaxFindingsPerRule));
        }

        return capped;
    }

    /// <param name="threads">How many threads the segments of a large file may use: one when files run in parallel.</param>
    private FileResult AnalyzeFile(InputSource input, int threads)
    {
        var (file, problem) = input.Read(_options.Limits);
        if (file is null)
        {
            return new FileResult(input.Path, 0, [], [], [problem!], CommentDirectives.None, null);
        }

        var diagnostics = new List<Diagnostic>();
        var directives = CommentDirectives.Read(file, diagnostics);
        var helmTemplates = HelmTemplateSources.Read(file);

        // A large file is read and checked a segment at a time (on all threads when it is linted alone), and each
        // segment's trees are dropped once its objects are reduced: a 40 MB stream is never held whole as trees. Any
        // other file, or one whose segments the loader will not read alone, is loaded whole.
        FileAnalysis analysis;
        if (new YamlLoader(_options.Limits, threads).TryLoadInSegments(file, segment => AnalyzeDocuments(segment, directives)) is { } segments)
        {
            analysis = Join(segments);
            ReleaseIfOnDisk(input, file);
        }
        else
        {
            var loaded = new YamlLoader(_options.Limits).LoadWhole(file);
            ReleaseIfOnDisk(input, file);
            analysis = AnalyzeDocuments(loaded, directives);
        }

        diagnostics.AddRange(analysis.Diagnostics);
        diagnostics = FindingCaps.Apply(diagnostics, _options.MaxFindingsPerRule);
        return new FileResult(file.Path, analysis.Documents, analysis.Objects, analysis.CustomResourceVersions, diagnostics, directives, helmTemplates);
    }

    /// <summary>
    /// Nothing after the loader and the comment directives reads the text: a file on disk gives its buffer back before
    /// its objects are checked (for a CustomResourceDefinition of 2 MB, 4 MB); the few later readers read it again.
    /// </summary>
    private static void ReleaseIfOnDisk(InputSource input, SourceFile file)
    {
        if (input.IsFile)
        {
            file.ReleaseText();
        }
    }

    /// <summary>
    /// The objects of loaded documents, checked by the object and pod rules and reduced to what the whole-set rules read.
    /// Their findings are suppressed and capped here, so a segment holds at most the cap of each rule's findings.
    /// </summary>
    private FileAnalysis AnalyzeDocuments(LoadedFile loaded, CommentDirectives directives)
    {
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        var objects = new List<KubeObject>();
        foreach (var document in loaded.Documents)
        {
            ObjectReader.Read(document, objects, diagnostics);
        }

        var sink = new DiagnosticSink(_options.Rules, _options.MaxFindingsPerRule);
        foreach (var item in objects)
        {
            AnalyzeObject(item, sink);
            sink.EndObject();
        }

        diagnostics.AddRange(sink.Diagnostics);
        var customResourceVersions = new List<CustomResourceVersion>();
        foreach (var item in objects)
        {
            customResourceVersions.AddRange(CustomResourceSchemas.Read(item));
        }

        Retain(objects, diagnostics);
        var suppressed = SuppressionFilter.Apply(diagnostics, directives);
        return new FileAnalysis(loaded.Documents.Count, objects, customResourceVersions, FindingCaps.Apply(suppressed, _options.MaxFindingsPerRule));
    }

    /// <summary>The analyses of a file's segments as one, with documents numbered through the file as one reader numbers them.</summary>
    private static FileAnalysis Join(IReadOnlyList<FileAnalysis> segments)
    {
        var joined = new FileAnalysis(0, [], [], []);
        var renumbered = new HashSet<ManifestDocument>(ReferenceEqualityComparer.Instance);
        foreach (var segment in segments)
        {
            foreach (var item in segment.Objects)
            {
                if (joined.Documents > 0 && renumbered.Add(item.Document))
                {
                    item.Document.Index += joined.Documents;
                }
            }

            joined.Objects.AddRange(segment.Objects);
            joined.CustomResourceVersions.AddRange(segment.CustomResourceVersions);
            joined.Diagnostics.AddRange(segment.Diagnostics);
            joined = joined with { Documents = joined.Documents + segment.Documents };
        }

        return joined;
    }

    /// <summary>
    /// Reduces the file's objects to what the whole-set rules read of them (<see cref="KubeObject.ReducedForSetRules"/>):
    /// a workload keeps its labels, selector and container ports, a ConfigMap or CustomResourceDefinition of a
    /// megabyte only its identity. Custom resources stay whole: they are validated once their definitions are known.
    /// </summary>
    private void Retain(List<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        Dictionary<KubeObject, KubeObject>? reduced = null;
        for (var i = 0; i < objects.Count; i++)
        {
            var item = objects[i];
            if (_schemas.IsBuiltIn(item) && item.ReducedForSetRules() is var kept && !ReferenceEquals(kept, item))
            {
                objects[i] = kept;
                (reduced ??= new(ReferenceEqualityComparer.Instance))[item] = kept;
            }
        }

        if (reduced is null)
        {
            return;
        }

        // Findings keep their object for annotation suppressions, which read its metadata and pod template's.
        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Object is { } target && reduced.TryGetValue(target, out var kept))
            {
                diagnostics[i] = diagnostics[i] with { Object = kept };
            }
        }
    }

    private void AnalyzeObject(KubeObject item, DiagnosticSink sink)
    {
        if (_objectActionsForAll.Count > 0 || _objectActionsByKind.ContainsKey(item.Kind))
        {
            var context = new ObjectAnalysisContext(item, sink);
            foreach (var action in _objectActionsForAll)
            {
                action(context);
            }

            if (_objectActionsByKind.TryGetValue(item.Kind, out var actions))
            {
                foreach (var action in actions)
                {
                    action(context);
                }
            }
        }

        if (_podActions.Count > 0 && item.PodTemplate is { Spec: { } spec } pod)
        {
            var context = new PodAnalysisContext(item, pod, spec, sink);
            foreach (var action in _podActions)
            {
                action(context);
            }
        }
    }

    /// <summary>What the object and pod rules made of a file's documents (or of one segment of them), objects reduced.</summary>
    private sealed record FileAnalysis(int Documents, List<KubeObject> Objects, List<CustomResourceVersion> CustomResourceVersions, List<Diagnostic> Diagnostics);

    private sealed record FileResult(
        string Path, int Documents, List<KubeObject> Objects, List<CustomResourceVersion> CustomResourceVersions, List<Diagnostic> Diagnostics, CommentDirectives Directives,
        HelmTemplateSources? HelmTemplates);
}

/// <summary>Report order: file, line, column, ID, then message, so that equal inputs give byte-identical reports.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = string.CompareOrdinal(x.FilePath, y.FilePath);
        if (order == 0)
        {
            order = x.Span.Line.CompareTo(y.Span.Line);
        }

        if (order == 0)
        {
            order = x.Span.Column.CompareTo(y.Span.Column);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Id, y.Id);
        }

        return order == 0 ? string.CompareOrdinal(x.Message, y.Message) : order;
    }
}
