using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>How an Ingress path matches request paths.</summary>
public enum PathType
{
    Prefix,
    Exact,
    ImplementationSpecific,
}

/// <summary>One path of an Ingress rule and the Service port it routes to (by number or by the Service port's name).</summary>
public sealed record IngressPath(string? Host, string Path, PathType PathType, string ServiceName, int? PortNumber, string? PortName);

/// <summary>
/// A networking.k8s.io/v1 Ingress. Usually made with <c>service.ExposeViaIngress(host, path)</c>; by hand:
/// <c>new Ingress().Name("echo").Rule("echo.example.com", "/", "echo", 80)</c>. Rules for one host are grouped.
/// </summary>
public sealed class Ingress() : Resource<Ingress>("networking.k8s.io/v1", "Ingress")
{
    private readonly List<IngressPath> _paths = [];
    private readonly List<YamlMap> _tls = [];
    private string? _ingressClassName;

    public IReadOnlyList<IngressPath> Paths => _paths;

    public Ingress IngressClassName(string name)
    {
        _ingressClassName = name;
        return this;
    }

    /// <summary>Routes <paramref name="host"/> (null: any host) and <paramref name="path"/> to port <paramref name="servicePort"/> of Service <paramref name="serviceName"/>.</summary>
    public Ingress Rule(string? host, string path, string serviceName, int servicePort, PathType pathType = PathType.Prefix)
    {
        _paths.Add(new IngressPath(host, path, pathType, serviceName, servicePort, null));
        return this;
    }

    /// <summary>Routes to the Service port named <paramref name="servicePortName"/>.</summary>
    public Ingress Rule(string? host, string path, string serviceName, string servicePortName, PathType pathType = PathType.Prefix)
    {
        _paths.Add(new IngressPath(host, path, pathType, serviceName, null, servicePortName));
        return this;
    }

    /// <summary>Serves <paramref name="hosts"/> over TLS with the certificate in Secret <paramref name="secretName"/>.</summary>
    public Ingress Tls(string secretName, params string[] hosts)
    {
        _tls.Add(new YamlMap().Add("hosts", YamlList.Of(hosts)).Add("secretName", secretName));
        return this;
    }

    private protected override void WriteBody(YamlMap root)
    {
        var rules = _paths.GroupBy(p => p.Host).Select(host => (YamlValue)new YamlMap()
            .Add("host", host.Key)
            .Add("http", new YamlMap().Add("paths", new YamlList(host.Select(PathYaml)))));
        root.Add("spec", new YamlMap()
            .Add("ingressClassName", _ingressClassName)
            .Add("tls", new YamlList(_tls))
            .Add("rules", new YamlList(rules)));
    }

    private static YamlMap PathYaml(IngressPath path)
    {
        var port = new YamlMap().Add("name", path.PortName).Add("number", path.PortNumber);
        var service = new YamlMap().Add("name", path.ServiceName).Add("port", port);
        return new YamlMap()
            .Add("path", path.Path)
            .Add("pathType", path.PathType.ToString())
            .Add("backend", new YamlMap().Add("service", service));
    }
}
