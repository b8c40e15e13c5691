using Shipshape.Core.Model;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Analysis;

/// <summary>
/// Every object of a run, with the indexes cross-resource rules need: by kind, by name, and pod templates by
/// label, so that "which pods does this selector match" costs a lookup, not a scan of every workload.
/// </summary>
public sealed class ObjectSet
{
    private readonly Dictionary<string, List<KubeObject>> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), List<KubeObject>> _byName = [];
    private readonly Dictionary<(string Key, string Value), List<KubeObject>> _podsByLabel = [];
    private readonly List<KubeObject> _podOwners = [];

    /// <summary>Every (kind, namespace) that holds at least one object, with "" for objects without a namespace.</summary>
    private readonly HashSet<(string Kind, string Namespace)> _kindsByNamespace = [];
    private readonly HashSet<string> _podNamespaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customResourceNamespaces = new(StringComparer.Ordinal);

    internal ObjectSet(IReadOnlyList<KubeObject> objects, CustomResourceSchemas customResources)
    {
        Objects = objects;
        CustomResources = customResources;
        foreach (var item in objects)
        {
            Append(_byKind, item.Kind, item);
            _kindsByNamespace.Add((item.Kind, item.Namespace ?? string.Empty));

            if (IsCustomResourceGroup(item.Group))
            {
                _customResourceNamespaces.Add(item.Namespace ?? string.Empty);
            }

            if (item.Name is { } name)
            {
                Append(_byName, (item.Kind, name), item);
            }

            if (item.PodTemplate is { } pod && item.Kind != "PodTemplate")
            {
                _podOwners.Add(item);
                if (item.Namespace is { } podNamespace)
                {
                    _podNamespaces.Add(podNamespace);
                }

                foreach (var label in pod.Labels.Entries)
                {
                    Append(_podsByLabel, (label.Key, label.Value), item);
                }
            }
        }
    }

    /// <summary>All objects, in file order and document order within a file.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The schemas the set's CustomResourceDefinitions give their kinds.</summary>
    internal CustomResourceSchemas CustomResources { get; }

    public IReadOnlyList<KubeObject> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>Pods and the workloads that run them (not PodTemplates, which run nothing by themselves), in set order.</summary>
    public IReadOnlyList<KubeObject> PodOwners => _podOwners;

    /// <summary>
    /// Whether the set holds an object of <paramref name="kind"/> in <paramref name="ns"/> (in any namespace when it is
    /// null). Rules about missing references ask this first: a set without any ConfigMap of a namespace was linted
    /// without them, and every reference to one would be a false alarm. Unlike <see cref="SameNamespace"/>, an object
    /// without a namespace does not count for a named one: that it will be applied there is a guess, too weak to
    /// call a reference dangling on.
    /// </summary>
    public bool HasAny(string kind, string? ns) => ns is null ? _byKind.ContainsKey(kind) : _kindsByNamespace.Contains((kind, ns));

    /// <summary>
    /// Whether the set holds an object of <paramref name="kind"/> in exactly <paramref name="ns"/>: for null, one without
    /// a namespace. Rules that report what is missing from a workload because its neighbours have it (a budget, a
    /// policy) ask this: a chart without namespaces says nothing about the budgets of a namespace named elsewhere.
    /// </summary>
    public bool HasAnyInExactNamespace(string kind, string? ns) => _kindsByNamespace.Contains((kind, ns ?? string.Empty));

    /// <summary>Whether the set holds a Pod or a workload in <paramref name="ns"/> (anywhere when it is null), as <see cref="HasAny"/> counts.</summary>
    public bool HasPodsIn(string? ns) => ns is null ? _podOwners.Count > 0 : _podNamespaces.Contains(ns);

    public IEnumerable<T> OfType<T>()
        where T : KubeObject => Objects.OfType<T>();

    /// <summary>Objects of <paramref name="kind"/> named <paramref name="name"/> that can be seen from <paramref name="ns"/>.</summary>
    public IEnumerable<KubeObject> Named(string kind, string name, string? ns) =>
        _byName.TryGetValue((kind, name), out var list) ? list.Where(o => SameNamespace(o.Namespace, ns)) : [];

    /// <summary>
    /// Whether the set holds a custom resource that can be seen from <paramref name="ns"/>. Operators run pods for
    /// theirs (a Prometheus, an Alertmanager, a Rollout) that no manifest shows, so "no pod matches" cannot be said there.
    /// </summary>
    public bool HasCustomResourcesIn(string? ns) =>
        ns is null ? _customResourceNamespaces.Count > 0 : _customResourceNamespaces.Contains(ns) || _customResourceNamespaces.Contains(string.Empty);

    /// <summary>
    /// Whether the set shows every pod that runs in <paramref name="ns"/>: it runs pods there, and no custom resource
    /// there has an operator that runs more. Rules that say "no pod has these labels" ask this first, so a set
    /// linted without its workloads stays silent.
    /// </summary>
    public bool ShowsEveryPodIn(string? ns) => HasPodsIn(ns) && !HasCustomResourcesIn(ns);

    /// <summary>
    /// Custom resources' groups have a dot (the API server requires one) and are not Kubernetes' own (*.k8s.io,
    /// *.kubernetes.io), whose kinds run no pods of their own.
    /// </summary>
    private static bool IsCustomResourceGroup(string group) =>
        group.Contains('.') && !group.EndsWith(".k8s.io", StringComparison.Ordinal) && !group.EndsWith(".kubernetes.io", StringComparison.Ordinal);

    /// <summary>
    /// Pods and workloads whose pod labels satisfy <paramref name="selector"/>, in <paramref name="ns"/>.
    /// An empty selector matches nothing here: for a Service it means "no selector".
    /// </summary>
    public IReadOnlyList<KubeObject> PodsMatching(LabelSelector selector, string? ns)
    {
        if (selector.IsEmpty)
        {
            return [];
        }

        IEnumerable<KubeObject> candidates = _podOwners;
        if (selector.MatchLabels.Count > 0)
        {
            // Start from the rarest required label: its posting list bounds the candidates.
            List<KubeObject>? smallest = null;
            foreach (var required in selector.MatchLabels.Entries)
            {
                if (!_podsByLabel.TryGetValue((required.Key, required.Value), out var posting))
                {
                    return [];
                }

                if (smallest is null || posting.Count < smallest.Count)
                {
                    smallest = posting;
                }
            }

            candidates = smallest!;
        }

        return candidates.Where(o => SameNamespace(o.Namespace, ns) && selector.Matches(o.PodTemplate!.Labels)).ToArray();
    }

    /// <summary>
    /// Objects without a namespace go wherever they are applied, so they can meet objects of any namespace;
    /// two explicit namespaces must be equal.
    /// </summary>
    public static bool SameNamespace(string? a, string? b) => a is null || b is null || a == b;

    private static void Append<TKey>(Dictionary<TKey, List<KubeObject>> index, TKey key, KubeObject item)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(item);
    }
}
