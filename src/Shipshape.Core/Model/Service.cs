using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>One entry of a Service's <c>ports</c>.</summary>
public sealed class ServicePort
{
    public ServicePort(MappingNode node)
    {
        Node = node;
        NameNode = node.Scalar("name");
        PortNode = node.Scalar("port");
        Port = PortNode is not null && PortNode.TryGetInt64(out var port) ? port : null;
        TargetPortNode = node.Scalar("targetPort");
        ProtocolNode = node.Scalar("protocol");
        NodePortNode = node.Scalar("nodePort");
    }

    public MappingNode Node { get; }

    public ScalarNode? NameNode { get; }

    public string? Name => NameNode is { IsNull: false } name ? name.Value : null;

    public ScalarNode? PortNode { get; }

    public long? Port { get; }

    public ScalarNode? TargetPortNode { get; }

    /// <summary>The port the Service sends traffic to: <c>targetPort</c>, or <c>port</c> when it is not set (the API's default).</summary>
    public IntOrString? TargetPort => IntOrString.From(TargetPortNode) ?? (Port is { } port ? new IntOrString(port, null) : null);

    public ScalarNode? ProtocolNode { get; }

    public string Protocol => ProtocolNode is { IsNull: false } protocol ? protocol.Value : "TCP";

    public ScalarNode? NodePortNode { get; }
}

public sealed class Service : KubeObject
{
    /// <summary>Services are small, and the whole-set rules read most of them: kept whole.</summary>
    private protected override TreePruner? FieldsForSetRules => null;

    public Service(ManifestDocument document, MappingNode node, ScalarNode apiVersionNode, ScalarNode kindNode)
        : base(document, node, apiVersionNode, kindNode)
    {
        var spec = Spec;
        TypeNode = spec?.Scalar("type");
        Selector = LabelSelector.FromMap(spec?["selector"]);
        Ports = spec?.Sequence("ports")?.Mappings.Select(p => new ServicePort(p)).ToArray() ?? [];
    }

    public ScalarNode? TypeNode { get; }

    /// <summary>ClusterIP unless the manifest says otherwise.</summary>
    public string Type => TypeNode is { IsNull: false } type ? type.Value : "ClusterIP";

    /// <summary>The selector map; null or empty means the Service's endpoints are managed by hand.</summary>
    public LabelSelector? Selector { get; }

    /// <summary>The <c>selector</c> key itself, where findings about the selector as a whole are reported.</summary>
    public Syntax.Node? SelectorKeyNode => Spec?.KeyNode("selector");

    public bool HasSelector => Selector is { IsEmpty: false };

    /// <summary>
    /// True when Kubernetes makes the Service's endpoints from the pods its selector matches: it has a selector and
    /// is not an ExternalName Service (a DNS alias, which ignores any selector).
    /// </summary>
    public bool RoutesToSelectedPods => HasSelector && Type != "ExternalName";

    public IReadOnlyList<ServicePort> Ports { get; }
}
