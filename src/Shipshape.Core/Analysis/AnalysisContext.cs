using Shipshape.Core.Schema;

namespace Shipshape.Core.Analysis;

/// <summary>What an analyzer registers for. The engine calls the actions; analyzers never walk the input themselves.</summary>
public sealed class AnalysisContext(KubernetesSchemas schemas)
{
    private readonly List<(Action<ObjectAnalysisContext> Action, string[] Kinds)> _objectActions = [];
    private readonly List<Action<PodAnalysisContext>> _podActions = [];
    private readonly List<Action<SetAnalysisContext>> _setActions = [];

    /// <summary>The target Kubernetes version and the schemas of this run.</summary>
    public KubernetesSchemas Schemas { get; } = schemas;

    internal IReadOnlyList<(Action<ObjectAnalysisContext> Action, string[] Kinds)> ObjectActions => _objectActions;

    internal IReadOnlyList<Action<PodAnalysisContext>> PodActions => _podActions;

    internal IReadOnlyList<Action<SetAnalysisContext>> SetActions => _setActions;

    /// <summary>Runs <paramref name="action"/> on every object of the given kinds (of every kind when none is given).</summary>
    public void RegisterObjectAction(Action<ObjectAnalysisContext> action, params string[] kinds) => _objectActions.Add((action, kinds));

    /// <summary>Runs <paramref name="action"/> on the pod spec of every Pod and every workload's pod template.</summary>
    public void RegisterPodAction(Action<PodAnalysisContext> action) => _podActions.Add(action);

    /// <summary>Runs <paramref name="action"/> once, after every object has been read, over the whole set (cross-resource rules).</summary>
    public void RegisterSetAction(Action<SetAnalysisContext> action) => _setActions.Add(action);
}
