using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>Turns a mapping that has apiVersion and kind into the typed model for its kind.</summary>
public static class KubeObjectFactory
{
    public static KubeObject Create(ManifestDocument document, MappingNode node, ScalarNode apiVersion, ScalarNode kind) => kind.Value switch
    {
        "Pod" => new Pod(document, node, apiVersion, kind),
        "Service" => new Service(document, node, apiVersion, kind),
        "Ingress" => new Ingress(document, node, apiVersion, kind),
        _ when Workload.IsWorkloadKind(kind.Value) => new Workload(document, node, apiVersion, kind),
        _ => new KubeObject(document, node, apiVersion, kind),
    };
}
