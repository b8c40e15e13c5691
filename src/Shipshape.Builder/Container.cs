using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>A port's network protocol; Kubernetes assumes TCP when none is given.</summary>
public enum Protocol
{
    Tcp,
    Udp,
    Sctp,
}

/// <summary>A port declared by a container.</summary>
public sealed record ContainerPort(int Number, string? Name, Protocol? Protocol);

/// <summary>One container of a pod: <c>new Container().Name("echo").Image("gihyodocker/echo:1.0").Port(8080)</c>.</summary>
public sealed class Container
{
    private readonly List<ContainerPort> _ports = [];
    private readonly List<YamlMap> _env = [];
    private readonly List<YamlMap> _volumeMounts = [];
    private readonly OrderedMap _requests = new();
    private readonly OrderedMap _limits = new();
    private readonly FieldOverrides _overrides = new();
    private string? _image;
    private string? _imagePullPolicy;
    private string[]? _command;
    private string[]? _args;
    private string? _workingDir;
    private Probe? _livenessProbe;
    private Probe? _readinessProbe;
    private Probe? _startupProbe;
    private SecurityContext? _securityContext;

    public string? ContainerName { get; private set; }

    public IReadOnlyList<ContainerPort> Ports => _ports;

    /// <summary>The container's name, a DNS-1123 label such as <c>echo</c>, unique in its pod.</summary>
    public Container Name(string name)
    {
        ContainerName = name;
        return this;
    }

    /// <summary>The image reference, pinned by tag or digest (<c>nginx:1.27</c>, not <c>nginx:latest</c>).</summary>
    public Container Image(string image)
    {
        _image = image;
        return this;
    }

    /// <summary>Always, IfNotPresent or Never.</summary>
    public Container ImagePullPolicy(string policy)
    {
        _imagePullPolicy = policy;
        return this;
    }

    public Container Command(params string[] command)
    {
        _command = command;
        return this;
    }

    public Container Args(params string[] args)
    {
        _args = args;
        return this;
    }

    public Container WorkingDir(string directory)
    {
        _workingDir = directory;
        return this;
    }

    /// <summary>Declares a port the container listens on; a name lets Services target it by name.</summary>
    public Container Port(int containerPort, string? name = null, Protocol? protocol = null)
    {
        _ports.Add(new ContainerPort(containerPort, name, protocol));
        return this;
    }

    public Container Env(string name, string value)
    {
        _env.Add(new YamlMap().Add("name", name).Add("value", value));
        return this;
    }

    /// <summary>An environment variable read from key <paramref name="key"/> of ConfigMap <paramref name="configMap"/>.</summary>
    public Container EnvFromConfigMap(string name, string configMap, string key) => EnvFrom(name, "configMapKeyRef", configMap, key);

    /// <summary>An environment variable read from key <paramref name="key"/> of Secret <paramref name="secret"/>.</summary>
    public Container EnvFromSecret(string name, string secret, string key) => EnvFrom(name, "secretKeyRef", secret, key);

    /// <summary>resources.requests; quantities as Kubernetes writes them ("250m", "128Mi").</summary>
    public Container Requests(string? cpu = null, string? memory = null)
    {
        SetQuantities(_requests, cpu, memory);
        return this;
    }

    public Container Limits(string? cpu = null, string? memory = null)
    {
        SetQuantities(_limits, cpu, memory);
        return this;
    }

    public Container LivenessProbe(Probe probe)
    {
        _livenessProbe = probe;
        return this;
    }

    public Container ReadinessProbe(Probe probe)
    {
        _readinessProbe = probe;
        return this;
    }

    public Container StartupProbe(Probe probe)
    {
        _startupProbe = probe;
        return this;
    }

    public Container SecurityContext(SecurityContext securityContext)
    {
        _securityContext = securityContext;
        return this;
    }

    /// <summary>Mounts pod volume <paramref name="volume"/> at <paramref name="mountPath"/>.</summary>
    public Container VolumeMount(string volume, string mountPath, bool? readOnly = null, string? subPath = null)
    {
        _volumeMounts.Add(new YamlMap().Add("name", volume).Add("mountPath", mountPath).Add("readOnly", readOnly).Add("subPath", subPath));
        return this;
    }

    /// <summary>
    /// Sets any field of the container by its dotted path, for what the builder has no method for:
    /// <c>.Set("terminationMessagePolicy", "FallbackToLogsOnError")</c>. It replaces a field the typed methods write.
    /// </summary>
    public Container Set(string path, FieldValue value)
    {
        _overrides.Set(path, value);
        return this;
    }

    internal YamlMap ToYaml()
    {
        var ports = _ports.Select(p => (YamlValue)new YamlMap()
            .Add("name", p.Name)
            .Add("containerPort", p.Number)
            .Add("protocol", p.Protocol is { } protocol ? ProtocolName(protocol) : null));
        var resources = new YamlMap().Add("limits", _limits).Add("requests", _requests);
        var container = new YamlMap()
            .Add("name", ContainerName ?? throw new InvalidOperationException("A container has no name; call .Name(\"...\") on it."))
            .Add("image", _image)
            .Add("imagePullPolicy", _imagePullPolicy)
            .Add("command", _command is null ? null : YamlList.Of(_command))
            .Add("args", _args is null ? null : YamlList.Of(_args))
            .Add("workingDir", _workingDir)
            .Add("env", new YamlList(_env))
            .Add("ports", new YamlList(ports))
            .Add("resources", resources)
            .Add("volumeMounts", new YamlList(_volumeMounts))
            .Add("livenessProbe", _livenessProbe?.ToYaml())
            .Add("readinessProbe", _readinessProbe?.ToYaml())
            .Add("startupProbe", _startupProbe?.ToYaml())
            .Add("securityContext", _securityContext?.ToYaml());
        _overrides.ApplyTo(container);
        return container;
    }

    internal static string ProtocolName(Protocol protocol) => protocol.ToString().ToUpperInvariant();

    private static void SetQuantities(OrderedMap quantities, string? cpu, string? memory)
    {
        if (cpu is not null)
        {
            quantities.Set("cpu", cpu);
        }

        if (memory is not null)
        {
            quantities.Set("memory", memory);
        }
    }

    private Container EnvFrom(string name, string referenceKind, string source, string key)
    {
        var reference = new YamlMap().Add("name", source).Add("key", key);
        _env.Add(new YamlMap().Add("name", name).Add("valueFrom", new YamlMap().Add(referenceKind, reference)));
        return this;
    }
}
