using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>A pod's <c>spec</c>: its containers (all three lists) and the rest of the mapping for rules to read.</summary>
public sealed class PodSpec
{
    public PodSpec(MappingNode node)
    {
        Node = node;
        Containers = Read(node, "containers", ContainerKind.Regular);
        InitContainers = Read(node, "initContainers", ContainerKind.Init);
        EphemeralContainers = Read(node, "ephemeralContainers", ContainerKind.Ephemeral);
        AllContainers = new ReadOnlyArray<Container>([.. InitContainers, .. Containers, .. EphemeralContainers]);
    }

    public MappingNode Node { get; }

    /// <summary>
    /// The fields whole-set rules read of an object with a pod: <paramref name="otherPaths"/> (its identity,
    /// selector, template labels) and, under <paramref name="podSpecPath"/>, each container's name, ports and
    /// restartPolicy (which tells a sidecar init container, serving for the pod's lifetime, from a plain one), the
    /// pod's token setting (compared with its ServiceAccount's own), and the fields that name other objects
    /// (<see cref="PodReferences"/>).
    /// </summary>
    internal static TreePruner FieldsForSetRules(string podSpecPath, params string[] otherPaths) =>
        TreePruner.Keeping([
            .. otherPaths,
            .. from field in (string[])[.. PodReferences.PodFields, "automountServiceAccountToken"] select $"{podSpecPath}.{field}",
            .. from list in (string[])["containers", "initContainers", "ephemeralContainers"]
               from field in (string[])["name", "ports", "restartPolicy", .. PodReferences.ContainerFields]
               select $"{podSpecPath}.{list}.{field}",
        ]);

    public ReadOnlyArray<Container> Containers { get; }

    public ReadOnlyArray<Container> InitContainers { get; }

    public ReadOnlyArray<Container> EphemeralContainers { get; }

    /// <summary>Init containers, then containers, then ephemeral containers, in source order within each list.</summary>
    public ReadOnlyArray<Container> AllContainers { get; }

    /// <summary>The pod-level <c>securityContext</c>, or null.</summary>
    public MappingNode? SecurityContext => Node.Mapping("securityContext");

    /// <summary>
    /// The pod's securityContext, then each container's, with the subject a message names it by ("The pod",
    /// "Container 'web'"): the Pod Security Standards controls check the same field at both levels.
    /// </summary>
    public IEnumerable<(MappingNode? SecurityContext, string Subject)> SecurityContexts()
    {
        yield return (SecurityContext, "The pod");
        foreach (var container in AllContainers)
        {
            yield return (container.SecurityContext, container.DescribeAsSubject());
        }
    }

    /// <summary>
    /// The ServiceAccount the pod runs as, as written: <c>serviceAccountName</c>, else the deprecated <c>serviceAccount</c>
    /// it replaced; null when neither names one, and the pod runs as its namespace's <c>default</c>.
    /// </summary>
    public ScalarNode? ServiceAccountNode => NonEmpty(Node.Scalar("serviceAccountName")) ?? NonEmpty(Node.Scalar("serviceAccount"));

    /// <summary>Every container's declared ports that have a number, with the container that declares them, in <see cref="AllContainers"/> order.</summary>
    public IEnumerable<(Container Container, ContainerPort Port)> NumberedPorts()
    {
        foreach (var container in AllContainers)
        {
            foreach (var port in container.Ports)
            {
                if (port.Number is not null)
                {
                    yield return (container, port);
                }
            }
        }
    }

    /// <summary>The entries of <c>volumes</c> that are mappings, in source order.</summary>
    public IEnumerable<MappingNode> Volumes => Node.Sequence("volumes")?.Mappings ?? [];

    private static ScalarNode? NonEmpty(ScalarNode? node) => node is { IsNull: false, Value.Length: > 0 } ? node : null;

    private static ReadOnlyArray<Container> Read(MappingNode node, string key, ContainerKind kind) =>
        new(node.Sequence(key)?.Mappings.Select(c => new Container(c, kind)).ToArray() ?? []);
}

/// <summary>
/// The pod an object runs: a Pod's own metadata and spec, or a workload's <c>template</c>.
/// Rules about containers see every kind of workload through this one type.
/// </summary>
public sealed class PodTemplate
{
    public PodTemplate(ObjectMeta metadata, PodSpec? spec, MappingNode? node)
    {
        Metadata = metadata;
        Spec = spec;
        Node = node;
    }

    public ObjectMeta Metadata { get; }

    public LabelMap Labels => Metadata.Labels;

    public PodSpec? Spec { get; }

    /// <summary>The template mapping (for workloads) or the Pod's root mapping.</summary>
    public MappingNode? Node { get; }

    public static PodTemplate? FromTemplate(Node? node) =>
        node is MappingNode template
            ? new PodTemplate(new ObjectMeta(template.Mapping("metadata")), template.Mapping("spec") is { } spec ? new PodSpec(spec) : null, template)
            : null;
}
