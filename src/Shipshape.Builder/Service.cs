using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

public enum ServiceType
{
    ClusterIP,
    NodePort,
    LoadBalancer,
    ExternalName,
}

/// <summary>A port a Service exposes and where it forwards to.</summary>
public sealed record ServicePort(int Number, TargetPort? Target, string? Name, Protocol? Protocol, int? NodePort);

/// <summary>
/// A v1 Service. Usually made with <c>deployment.ExposeViaService(...)</c>, which takes selector and target
/// ports from the workload; built by hand: <c>new Service().Name("echo").Selector("app", "echo").Port(80, 8080)</c>.
/// </summary>
public sealed class Service() : Resource<Service>("v1", "Service")
{
    private readonly OrderedMap _selector = new();
    private readonly List<ServicePort> _ports = [];
    private ServiceType? _type;
    private string? _externalName;

    public IReadOnlyList<ServicePort> Ports => _ports;

    /// <summary>ClusterIP (Kubernetes' default when no type is set), NodePort, LoadBalancer or ExternalName.</summary>
    public Service Type(ServiceType type)
    {
        _type = type;
        return this;
    }

    /// <summary>A label the selected pods must carry.</summary>
    public Service Selector(string key, string value)
    {
        _selector.Set(key, value);
        return this;
    }

    /// <summary>Exposes <paramref name="port"/>, forwarding to <paramref name="targetPort"/> (a container port's number or name; default: the same number).</summary>
    public Service Port(int port, TargetPort? targetPort = null, string? name = null, Protocol? protocol = null, int? nodePort = null)
    {
        _ports.Add(new ServicePort(port, targetPort, name, protocol, nodePort));
        return this;
    }

    /// <summary>An ExternalName Service: a DNS alias (CNAME) for <paramref name="hostName"/>, selecting no pods.</summary>
    public Service ExternalName(string hostName)
    {
        _type = ServiceType.ExternalName;
        _externalName = hostName;
        return this;
    }

    /// <summary>
    /// An Ingress routing <paramref name="host"/><paramref name="path"/> to this Service's port <paramref name="port"/>
    /// (default: its first port). Add it to the app.
    /// </summary>
    public Ingress ExposeViaIngress(string host, string path = "/", int? port = null, PathType pathType = PathType.Prefix, string? name = null)
    {
        var serviceName = ObjectName ?? throw new InvalidOperationException("Name the Service before exposing it.");
        var servicePort = port ?? (_ports.Count > 0 ? _ports[0].Number : throw new InvalidOperationException($"{this} has no port to route to; add one with .Port(...)."));
        if (_ports.All(p => p.Number != servicePort))
        {
            throw new ArgumentException($"{this} does not expose port {servicePort}.", nameof(port));
        }

        var ingress = new Ingress().Name(name ?? serviceName).Rule(host, path, serviceName, servicePort, pathType);
        return ObjectNamespace is { } ns ? ingress.Namespace(ns) : ingress;
    }

    private protected override void WriteBody(YamlMap root)
    {
        var ports = _ports.Select(p => (YamlValue)new YamlMap()
            .Add("name", p.Name)
            .Add("protocol", p.Protocol is { } protocol ? Builder.Container.ProtocolName(protocol) : null)
            .Add("port", p.Number)
            .Add("targetPort", p.Target?.ToYaml())
            .Add("nodePort", p.NodePort));
        root.Add("spec", new YamlMap()
            .Add("type", _type?.ToString())
            .Add("externalName", _externalName)
            .Add("selector", _selector)
            .Add("ports", new YamlList(ports)));
    }
}
