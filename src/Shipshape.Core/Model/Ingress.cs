using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>
/// A backend an Ingress routes to, read from either API shape: <c>networking.k8s.io/v1</c>
/// (<c>service.name</c>, <c>service.port.number|name</c>) or the beta APIs (<c>serviceName</c>, <c>servicePort</c>).
/// </summary>
public sealed class IngressBackend
{
    public IngressBackend(MappingNode node)
    {
        Node = node;
        if (node.Mapping("service") is { } service)
        {
            ServiceNameNode = service.Scalar("name");
            var port = service.Mapping("port");
            ServicePortNode = port?.Scalar("number") ?? port?.Scalar("name");
        }
        else
        {
            ServiceNameNode = node.Scalar("serviceName");
            ServicePortNode = node.Scalar("servicePort");
        }

        IsResource = node["resource"] is not null;
    }

    public MappingNode Node { get; }

    public ScalarNode? ServiceNameNode { get; }

    public string? ServiceName => ServiceNameNode is { IsNull: false } name ? name.Value : null;

    public ScalarNode? ServicePortNode { get; }

    public IntOrString? ServicePort => IntOrString.From(ServicePortNode);

    /// <summary>True for a backend that points at a resource (e.g. a storage bucket) rather than a Service.</summary>
    public bool IsResource { get; }
}

public sealed class Ingress : KubeObject
{
    /// <summary>Ingresses are small, and the whole-set rules read most of them: kept whole.</summary>
    private protected override TreePruner? FieldsForSetRules => null;

    public Ingress(ManifestDocument document, MappingNode node, ScalarNode apiVersionNode, ScalarNode kindNode)
        : base(document, node, apiVersionNode, kindNode)
    {
        var backends = new List<IngressBackend>();
        var spec = Spec;
        if ((spec?.Mapping("defaultBackend") ?? spec?.Mapping("backend")) is { } defaultBackend)
        {
            backends.Add(new IngressBackend(defaultBackend));
        }

        foreach (var rule in spec?.Sequence("rules")?.Mappings ?? [])
        {
            foreach (var path in rule.Mapping("http")?.Sequence("paths")?.Mappings ?? [])
            {
                if (path.Mapping("backend") is { } backend)
                {
                    backends.Add(new IngressBackend(backend));
                }
            }
        }

        Backends = backends;
    }

    /// <summary>The default backend first, then each path's backend in source order.</summary>
    public IReadOnlyList<IngressBackend> Backends { get; }
}
