using Shipshape.Core.Analysis;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model.GatewayApi;

/// <summary>A route's <c>parentRefs</c> entry: the Gateway (or other parent) it asks to attach to, and which listener.</summary>
public sealed class ParentReference
{
    public ParentReference(MappingNode node, string? routeNamespace)
    {
        Node = node;
        NameNode = node.Scalar("name");
        Namespace = node.Text("namespace") ?? routeNamespace;
        SectionNameNode = node.Scalar("sectionName");
        Port = node.Scalar("port") is { } port && port.TryGetInt64(out var number) ? number : null;
        IsGateway = (node.Text("group") ?? GatewayRoute.Group) == GatewayRoute.Group && (node.Text("kind") ?? "Gateway") == "Gateway";
    }

    public MappingNode Node { get; }

    public ScalarNode? NameNode { get; }

    public string? Name => NameNode is { IsNull: false } name ? name.Value : null;

    /// <summary>The parent's namespace: the entry's own, else the route's (null when neither says).</summary>
    public string? Namespace { get; }

    public ScalarNode? SectionNameNode { get; }

    public string? SectionName => SectionNameNode is { IsNull: false } section ? section.Value : null;

    public long? Port { get; }

    /// <summary>True when the parent is a Gateway of the Gateway API (the defaults); other parents (a mesh Service) are not checked.</summary>
    public bool IsGateway { get; }
}

/// <summary>A route's <c>backendRefs</c> entry, read as a Service reference when it is one.</summary>
public sealed class BackendReference
{
    public BackendReference(MappingNode node, string? routeNamespace)
    {
        Node = node;
        NameNode = node.Scalar("name");
        Namespace = node.Text("namespace") ?? routeNamespace;
        PortNode = node.Scalar("port");
        Port = PortNode is not null && PortNode.TryGetInt64(out var number) ? number : null;
        IsService = (node.Text("group") ?? string.Empty).Length == 0 && (node.Text("kind") ?? "Service") == "Service";
    }

    public MappingNode Node { get; }

    public ScalarNode? NameNode { get; }

    public string? Name => NameNode is { IsNull: false } name ? name.Value : null;

    public string? Namespace { get; }

    public ScalarNode? PortNode { get; }

    public long? Port { get; }

    /// <summary>True for a core Service (the default group and kind); backends of other kinds are not checked.</summary>
    public bool IsService { get; }
}

/// <summary>
/// An HTTPRoute, GRPCRoute, TCPRoute, TLSRoute or UDPRoute of <c>gateway.networking.k8s.io</c> (any version), read
/// from the generic object: these kinds are custom resources, kept whole for the whole-set rules.
/// </summary>
public sealed class GatewayRoute
{
    public const string Group = "gateway.networking.k8s.io";

    public static readonly string[] Kinds = ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"];

    private GatewayRoute(KubeObject route)
    {
        Object = route;
        var spec = route.Spec;
        ParentRefs = spec?.Sequence("parentRefs")?.Mappings.Select(p => new ParentReference(p, route.Namespace)).ToArray() ?? [];
        var backendRefs = new List<BackendReference>();
        foreach (var rule in spec?.Sequence("rules")?.Mappings ?? [])
        {
            foreach (var backendRef in rule.Sequence("backendRefs")?.Mappings ?? [])
            {
                backendRefs.Add(new BackendReference(backendRef, route.Namespace));
            }
        }

        BackendRefs = backendRefs;
    }

    public KubeObject Object { get; }

    public IReadOnlyList<ParentReference> ParentRefs { get; }

    /// <summary>The backendRefs of every rule, in source order.</summary>
    public IReadOnlyList<BackendReference> BackendRefs { get; }

    /// <summary>Every route of the set, kind by kind.</summary>
    public static IEnumerable<GatewayRoute> All(ObjectSet set)
    {
        // Loops, not a LINQ chain ending in Select: see SequenceNode.Mappings.
        foreach (var kind in Kinds)
        {
            foreach (var route in set.OfKind(kind))
            {
                if (route.Group == Group)
                {
                    yield return new GatewayRoute(route);
                }
            }
        }
    }

    /// <summary>The Gateway a parent reference names, or null when the set does not define it.</summary>
    public static KubeObject? FindGateway(ObjectSet set, ParentReference parent) =>
        parent.Name is { } name ? set.Named("Gateway", name, parent.Namespace).FirstOrDefault(g => g.Group == Group) : null;
}
