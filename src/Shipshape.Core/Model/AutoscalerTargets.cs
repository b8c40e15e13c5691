using Shipshape.Core.Analysis;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>
/// The HorizontalPodAutoscalers of a set by the workload each scales, so that "which autoscaler scales this
/// workload" is a lookup, not a scan of every autoscaler for every workload.
/// </summary>
public sealed class AutoscalerTargets
{
    private readonly Dictionary<(string Kind, string Name), List<KubeObject>> _byTarget = [];

    public AutoscalerTargets(IEnumerable<KubeObject> autoscalers)
    {
        foreach (var autoscaler in autoscalers)
        {
            var target = autoscaler.Spec?.Mapping("scaleTargetRef");
            if (autoscaler.Group != "autoscaling" || target?.Text("kind") is not { } kind || target.Text("name") is not { } name)
            {
                continue;
            }

            if (!_byTarget.TryGetValue((kind, name), out var list))
            {
                _byTarget[(kind, name)] = list = [];
            }

            list.Add(autoscaler);
        }
    }

    public bool IsEmpty => _byTarget.Count == 0;

    /// <summary>The first autoscaler that scales <paramref name="workload"/> from a namespace it can share, or null.</summary>
    public KubeObject? Scaling(KubeObject workload) =>
        workload.Name is { } name && _byTarget.TryGetValue((workload.Kind, name), out var list)
            ? list.FirstOrDefault(a => ObjectSet.SameNamespace(a.Namespace, workload.Namespace))
            : null;

    /// <summary>The fewest replicas <paramref name="autoscaler"/> keeps: its minReplicas, which defaults to 1.</summary>
    public static long MinReplicas(KubeObject autoscaler) => MinReplicasNode(autoscaler) is { } node && node.TryGetInt64(out var min) ? min : 1;

    /// <summary>The autoscaler's written minReplicas, or null when it is left to its default.</summary>
    public static ScalarNode? MinReplicasNode(KubeObject autoscaler) => autoscaler.Spec?.Scalar("minReplicas") is { IsNull: false } node ? node : null;

    /// <summary>The most replicas <paramref name="autoscaler"/> may run, or null when maxReplicas is not a whole number.</summary>
    public static long? MaxReplicas(KubeObject autoscaler) => autoscaler.Spec?.Scalar("maxReplicas") is { } node && node.TryGetInt64(out var max) ? max : null;
}
