using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>Which list of the pod spec a container comes from.</summary>
public enum ContainerKind
{
    Regular,
    Init,
    Ephemeral,
}

/// <summary>One entry of a container's <c>ports</c>.</summary>
public sealed class ContainerPort
{
    public ContainerPort(MappingNode node)
    {
        Node = node;
        NumberNode = node.Scalar("containerPort");
        Number = NumberNode is not null && NumberNode.TryGetInt64(out var number) ? number : null;
        NameNode = node.Scalar("name");
        ProtocolNode = node.Scalar("protocol");
        HostPortNode = node.Scalar("hostPort");
    }

    public MappingNode Node { get; }

    public ScalarNode? NumberNode { get; }

    public long? Number { get; }

    public ScalarNode? NameNode { get; }

    public string? Name => NameNode is { IsNull: false } name ? name.Value : null;

    public ScalarNode? ProtocolNode { get; }

    /// <summary>TCP unless the manifest says otherwise, as the API defaults it.</summary>
    public string Protocol => ProtocolNode is { IsNull: false } protocol ? protocol.Value : "TCP";

    public ScalarNode? HostPortNode { get; }

    /// <summary>"8080 (http)" or "8080": how messages quote a port.</summary>
    public string Describe() => Name is null ? $"{Number}" : $"{Number} ({Name})";
}

/// <summary>A container of a pod spec, with the fields the rules read most often already typed.</summary>
public sealed class Container
{
    public Container(MappingNode node, ContainerKind kind)
    {
        Node = node;
        Kind = kind;
        NameNode = node.Scalar("name");
        ImageNode = node.Scalar("image");
        Ports = node.Sequence("ports")?.Mappings.Select(p => new ContainerPort(p)).ToArray() ?? [];
    }

    /// <summary>The container's mapping, for rules that read fields not typed here.</summary>
    public MappingNode Node { get; }

    public ContainerKind Kind { get; }

    public ScalarNode? NameNode { get; }

    public string? Name => NameNode is { IsNull: false } name ? name.Value : null;

    public ScalarNode? ImageNode { get; }

    public string? Image => ImageNode is { IsNull: false } image ? image.Value : null;

    public IReadOnlyList<ContainerPort> Ports { get; }

    public MappingNode? SecurityContext => Node.Mapping("securityContext");

    /// <summary>The <c>resources</c> mapping (requests, limits), or null.</summary>
    public MappingNode? Resources => Node.Mapping("resources");

    /// <summary>The value of <c>resources.limits.&lt;resource&gt;</c>, or null when the container sets none.</summary>
    public ScalarNode? Limit(string resource) => Resources?.Mapping("limits")?.Scalar(resource) is { IsNull: false } limit ? limit : null;

    /// <summary>
    /// Each request the container writes down, with the limit of the same resource (null when it sets none), for rules
    /// that compare the two. A limit without a request is left out: the request then defaults to the limit.
    /// </summary>
    public IEnumerable<(string Resource, ScalarNode Request, ScalarNode? Limit)> RequestsWithLimits()
    {
        foreach (var request in Resources?.Mapping("requests")?.Entries ?? [])
        {
            if (request.KeyText is { } resource && request.Value is ScalarNode { IsNull: false } requested)
            {
                yield return (resource, requested, Limit(resource));
            }
        }
    }

    public MappingNode? LivenessProbe => Node.Mapping("livenessProbe");

    public MappingNode? ReadinessProbe => Node.Mapping("readinessProbe");

    public MappingNode? StartupProbe => Node.Mapping("startupProbe");

    /// <summary>The entries of <c>env</c> that are mappings, in source order.</summary>
    public IEnumerable<MappingNode> Env => Node.Sequence("env")?.Mappings ?? [];

    /// <summary>The entries of <c>volumeMounts</c> that are mappings, in source order.</summary>
    public IEnumerable<MappingNode> VolumeMounts => Node.Sequence("volumeMounts")?.Mappings ?? [];

    public ScalarNode? ImagePullPolicyNode => Node.Scalar("imagePullPolicy");

    /// <summary>Where findings about a field the container lacks are reported: its <c>name</c> value, else the container itself.</summary>
    public Node Anchor => NameNode ?? (Node)Node;

    /// <summary>
    /// True for containers that run alongside the others for the pod's life: regular containers and
    /// "native sidecar" init containers (<c>restartPolicy: Always</c>). Only these can serve traffic or collide on ports.
    /// </summary>
    public bool RunsForPodLifetime =>
        Kind == ContainerKind.Regular || (Kind == ContainerKind.Init && Node.Text("restartPolicy") == "Always");

    /// <summary>"Container 'web'", for messages that start with the container.</summary>
    public string DescribeAsSubject() => Describe() is var text ? char.ToUpperInvariant(text[0]) + text[1..] : string.Empty;

    /// <summary>"container 'web'", for messages.</summary>
    public string Describe() => Kind switch
    {
        ContainerKind.Init => $"init container '{Name}'",
        ContainerKind.Ephemeral => $"ephemeral container '{Name}'",
        _ => $"container '{Name}'",
    };
}
