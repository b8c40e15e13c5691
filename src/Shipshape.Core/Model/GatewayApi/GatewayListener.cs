using Shipshape.Core.Analysis;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model.GatewayApi;

/// <summary>One of a Gateway's <c>listeners</c>, and whether its <c>allowedRoutes</c> admit a given route.</summary>
public sealed class GatewayListener
{
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    private readonly KubeObject _gateway;

    private GatewayListener(KubeObject gateway, MappingNode node)
    {
        _gateway = gateway;
        Node = node;
        Name = node.Text("name");
        Protocol = node.Text("protocol");
        Port = node.Scalar("port") is { } port && port.TryGetInt64(out var number) ? number : null;
    }

    public MappingNode Node { get; }

    public string? Name { get; }

    public string? Protocol { get; }

    public long? Port { get; }

    public static IReadOnlyList<GatewayListener> Of(KubeObject gateway) =>
        gateway.Spec?.Sequence("listeners")?.Mappings.Select(l => new GatewayListener(gateway, l)).ToArray() ?? [];

    /// <summary>
    /// Why this listener refuses <paramref name="route"/>, or null when it admits it or the set cannot tell (a namespace
    /// selector over a Namespace the set does not define, a namespace left to whoever applies the files, a protocol of
    /// the implementation's own).
    /// </summary>
    public string? Refuses(GatewayRoute route, ObjectSet set)
    {
        var allowed = Node.Mapping("allowedRoutes");
        var kind = route.Object.Kind;
        if (allowed?.Sequence("kinds") is { Count: > 0 } kinds)
        {
            var listed = kinds.Mappings.Select(k => ((k.Text("group") ?? GatewayRoute.Group), k.Text("kind"))).ToArray();
            if (!listed.Contains((GatewayRoute.Group, kind)))
            {
                return $"listener '{Name}' admits only {string.Join(", ", listed.Select(k => k.Item2))}";
            }
        }
        else if (DefaultKinds(Protocol) is { } defaults && !defaults.Contains(kind))
        {
            return $"listener '{Name}' speaks {Protocol}, which takes {string.Join(" or ", defaults)}";
        }

        var routeNamespace = route.Object.Namespace;
        var gatewayNamespace = _gateway.Namespace;
        var namespaces = allowed?.Mapping("namespaces");
        switch (namespaces?.Text("from") ?? "Same")
        {
            case "Same" when routeNamespace is not null && gatewayNamespace is not null && routeNamespace != gatewayNamespace:
                return $"listener '{Name}' admits routes from its own namespace '{gatewayNamespace}' only (allowedRoutes.namespaces.from: Same)";
            case "Selector" when routeNamespace is not null
                && LabelSelector.FromStructured(namespaces!["selector"]) is { } selector
                && !selector.MatchLabels.Entries.Any(l => l.Key == NamespaceNameLabel)
                && !selector.MatchExpressions.Any(e => e.Key == NamespaceNameLabel)
                && set.Named("Namespace", routeNamespace, ns: null).FirstOrDefault() is { } routeNamespaceObject
                && !selector.Matches(routeNamespaceObject.Metadata.Labels):
                return $"listener '{Name}' admits routes from namespaces with {{{selector.Describe()}}} only, and Namespace '{routeNamespace}' does not have those labels";
            default:
                return null;
        }
    }

    /// <summary>The route kinds a listener admits when its allowedRoutes list none, by protocol; null for protocols of an implementation's own.</summary>
    private static string[]? DefaultKinds(string? protocol) => protocol switch
    {
        "HTTP" or "HTTPS" => ["HTTPRoute", "GRPCRoute"],
        "TLS" => ["TLSRoute", "TCPRoute"],
        "TCP" => ["TCPRoute"],
        "UDP" => ["UDPRoute"],
        _ => null,
    };
}
