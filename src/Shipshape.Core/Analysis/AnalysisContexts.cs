using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Analysis;

/// <summary>Collects what the actions report, resolving each descriptor's configured severity (or dropping it when off).</summary>
public sealed class DiagnosticSink
{
    private readonly RuleSettings _settings;
    private readonly List<Diagnostic> _diagnostics = [];

    public DiagnosticSink(RuleSettings settings)
    {
        _settings = settings;
    }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(DiagnosticDescriptor descriptor, KubeObject target, Node? node, object?[] arguments)
    {
        if (_settings.SeverityOf(descriptor) is not { } severity)
        {
            return;
        }

        var diagnostic = new Diagnostic
        {
            Descriptor = descriptor,
            Severity = severity,
            MessageArguments = arguments,
            FilePath = target.FilePath,
            Span = node?.Span ?? target.Node.Span,
            Resource = target.Identity,
            Object = target,
        };
        _diagnostics.Add(HoldsOnlyValues(arguments) ? diagnostic : diagnostic with { Message = diagnostic.Message, MessageArguments = [] });
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
