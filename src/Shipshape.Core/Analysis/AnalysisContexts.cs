using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Analysis;

/// <summary>Collects what the actions report, resolving each descriptor's configured severity (or dropping it when off).</summary>
public sealed class DiagnosticSink
{
    private readonly RuleSettings _settings;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly int _maxPerRulePerObject;

    /// <summary>For the object being analysed: how many findings each rule reported, and the first one past the cap.</summary>
    private readonly Dictionary<string, (int Count, Diagnostic? FirstOmitted)> _objectCounts = new(StringComparer.Ordinal);

    /// <param name="maxPerRulePerObject">
    /// How many findings of one rule an object keeps (0: all). An object with 400,000 containers would otherwise hold
    /// millions of findings before the per-file cap (<see cref="Engine.FindingCaps"/>) drops them.
    /// </param>
    public DiagnosticSink(RuleSettings settings, int maxPerRulePerObject = 0)
    {
        _settings = settings;
        _maxPerRulePerObject = maxPerRulePerObject;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(DiagnosticDescriptor descriptor, KubeObject target, Node? node, object?[] arguments)
    {
        if (_settings.SeverityOf(descriptor) is not { } severity)
        {
            return;
        }

        var counted = 0;
        if (_maxPerRulePerObject > 0)
        {
            _objectCounts.TryGetValue(descriptor.Id, out var state);
            counted = state.Count + 1;
            _objectCounts[descriptor.Id] = (counted, state.FirstOmitted);
            if (counted > _maxPerRulePerObject + 1)
            {
                return;
            }
        }

        var diagnostic = new Diagnostic
        {
            Descriptor = descriptor,
            Severity = severity,
            MessageArguments = arguments,
            FilePath = target.FilePath,
            Span = node?.Span ?? target.Node.Span,
            Resource = QuotedText.Cut(target.Identity),
            Object = target,
        };
        diagnostic = HoldsOnlyValues(arguments) ? diagnostic : diagnostic with { Message = diagnostic.Message, MessageArguments = [] };
        if (counted == _maxPerRulePerObject + 1 && _maxPerRulePerObject > 0)
        {
            _objectCounts[descriptor.Id] = (counted, diagnostic);
            return;
        }

        _diagnostics.Add(diagnostic);
    }

    /// <summary>Ends the object being analysed: the findings of each rule past the cap become one summary finding.</summary>
    internal void EndObject()
    {
        foreach (var (count, firstOmitted) in _objectCounts.Values)
        {
            if (firstOmitted is not null)
            {
                _diagnostics.Add(Diagnostic.Summarizing(firstOmitted, count - _maxPerRulePerObject, _maxPerRulePerObject));
            }
        }

        _objectCounts.Clear();
    }

    /// <summary>
    /// Whether the message can be formatted later from these arguments with the same result: strings, numbers and
    /// enums (the convertible types) cannot change, and keep nothing else alive. Anything else (a list, a node) is
    /// formatted now.
    /// </summary>
    private static bool HoldsOnlyValues(object?[] arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is not (null or IConvertible))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(Diagnostic diagnostic)
    {
        if (_settings.SeverityOf(diagnostic.Descriptor) is { } severity)
        {
            _diagnostics.Add(diagnostic with { Severity = severity });
        }
    }
}

/// <summary>An object being analyzed on its own.</summary>
public sealed class ObjectAnalysisContext
{
    private readonly DiagnosticSink _sink;

    internal ObjectAnalysisContext(KubeObject target, DiagnosticSink sink)
    {
        Object = target;
        _sink = sink;
    }

    public KubeObject Object { get; }

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="node"/> (the object's root when null).</summary>
    public void Report(DiagnosticDescriptor descriptor, Node? node, params object?[] arguments) => _sink.Report(descriptor, Object, node, arguments);
}

/// <summary>A pod spec being analyzed: a Pod's own, or a workload's template.</summary>
public sealed class PodAnalysisContext
{
    private readonly DiagnosticSink _sink;

    internal PodAnalysisContext(KubeObject owner, PodTemplate pod, PodSpec spec, DiagnosticSink sink)
    {
        Object = owner;
        Pod = pod;
        Spec = spec;
        _sink = sink;
    }

    /// <summary>The Pod, or the workload that owns the template.</summary>
    public KubeObject Object { get; }

    public PodTemplate Pod { get; }

    public PodSpec Spec { get; }

    public void Report(DiagnosticDescriptor descriptor, Node? node, params object?[] arguments) => _sink.Report(descriptor, Object, node, arguments);
}

/// <summary>The whole set of objects, for rules that compare objects with each other.</summary>
public sealed class SetAnalysisContext
{
    private readonly DiagnosticSink _sink;

    internal SetAnalysisContext(ObjectSet set, DiagnosticSink sink)
    {
        Set = set;
        _sink = sink;
    }

    public ObjectSet Set { get; }

    /// <summary>Reports on <paramref name="target"/> at <paramref name="node"/>.</summary>
    public void Report(DiagnosticDescriptor descriptor, KubeObject target, Node? node, params object?[] arguments) => _sink.Report(descriptor, target, node, arguments);
}
