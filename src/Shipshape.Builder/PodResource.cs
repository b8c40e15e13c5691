using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>What every object that runs pods shares: the pod spec's containers, volumes and settings, and exposure as a Service.</summary>
public abstract class PodResource<TSelf> : Resource<TSelf>
    where TSelf : PodResource<TSelf>
{
    private readonly List<Container> _containers = [];
    private readonly List<Container> _initContainers = [];
    private readonly List<Volume> _volumes = [];
    private readonly OrderedMap _nodeSelector = new();
    private string? _serviceAccountName;
    private string? _restartPolicy;
    private PodSecurityContext? _securityContext;

    private protected PodResource(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    public IReadOnlyList<Container> Containers => _containers;

    /// <summary>The labels a Service must select to reach these pods.</summary>
    public abstract IReadOnlyCollection<KeyValuePair<string, string>> PodSelector { get; }

    public TSelf Container(Container container)
    {
        _containers.Add(container);
        return Self;
    }

    public TSelf InitContainer(Container container)
    {
        _initContainers.Add(container);
        return Self;
    }

    public TSelf Volume(Volume volume)
    {
        _volumes.Add(volume);
        return Self;
    }

    public TSelf ServiceAccount(string name)
    {
        _serviceAccountName = name;
        return Self;
    }

    /// <summary>Always, OnFailure or Never.</summary>
    public TSelf RestartPolicy(string policy)
    {
        _restartPolicy = policy;
        return Self;
    }

    public TSelf NodeSelector(string key, string value)
    {
        _nodeSelector.Set(key, value);
        return Self;
    }

    public TSelf SecurityContext(PodSecurityContext securityContext)
    {
        _securityContext = securityContext;
        return Self;
    }

    /// <summary>
    /// A Service that selects these pods, with one port per container port (same number, targeting the
    /// container port by name when it has one): correct by construction. Add it to the app.
    /// </summary>
    public Service ExposeViaService(ServiceType type = ServiceType.ClusterIP, string? name = null)
    {
        var service = NewService(type, name);
        foreach (var port in _containers.SelectMany(c => c.Ports))
        {
            service.Port(port.Number, port.Name is { } portName ? portName : port.Number, port.Name, port.Protocol);
        }

        return service;
    }

    /// <summary>A Service that selects these pods and forwards <paramref name="servicePort"/> (default: the same number) to <paramref name="containerPort"/>.</summary>
    /// <exception cref="ArgumentException">No container declares <paramref name="containerPort"/>.</exception>
    public Service ExposeViaService(int containerPort, int? servicePort = null, string? portName = null, ServiceType type = ServiceType.ClusterIP, string? name = null)
    {
        var declared = _containers.SelectMany(c => c.Ports).FirstOrDefault(p => p.Number == containerPort)
            ?? throw new ArgumentException($"No container of {this} declares port {containerPort}; declare it with Container.Port({containerPort}) first.", nameof(containerPort));
        return NewService(type, name).Port(servicePort ?? containerPort, containerPort, portName ?? declared.Name, declared.Protocol);
    }

    private protected YamlMap PodSpecYaml() => new YamlMap()
        .Add("serviceAccountName", _serviceAccountName)
        .Add("restartPolicy", _restartPolicy)
        .Add("nodeSelector", _nodeSelector)
        .Add("securityContext", _securityContext?.ToYaml())
        .Add("initContainers", new YamlList(_initContainers.Select(c => c.ToYaml())))
        .Add("containers", new YamlList(_containers.Select(c => c.ToYaml())))
        .Add("volumes", new YamlList(_volumes.Select(v => v.ToYaml())));

    private Service NewService(ServiceType type, string? name)
    {
        var service = new Service().Name(name ?? ObjectName ?? throw new InvalidOperationException($"Name the {Kind} before exposing it."));
        if (type != ServiceType.ClusterIP)
        {
            service.Type(type);
        }

        if (ObjectNamespace is { } ns)
        {
            service.Namespace(ns);
        }

        foreach (var (key, value) in PodSelector)
        {
            service.Selector(key, value);
        }

        return service;
    }
}

/// <summary>A bare pod (v1): <c>new Pod().Name("simple-echo").Container(...)</c>. Its labels are what Services select.</summary>
public sealed class Pod() : PodResource<Pod>("v1", "Pod")
{
    public override IReadOnlyCollection<KeyValuePair<string, string>> PodSelector => [.. Labels];

    private protected override void WriteBody(YamlMap root) => root.Add("spec", PodSpecYaml());
}

/// <summary>
/// A controller with a pod template (Deployment, ReplicaSet). Template labels are set with
/// <c>TemplateLabel</c>; the selector defaults to them, so it matches by construction.
/// </summary>
public abstract class Workload<TSelf> : PodResource<TSelf>
    where TSelf : Workload<TSelf>
{
    private readonly OrderedMap _selector = new();
    private int? _replicas;

    private protected Workload(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    public OrderedMap TemplateLabels { get; } = new();

    public OrderedMap TemplateAnnotations { get; } = new();

    /// <summary>spec.selector.matchLabels: the ones set with <c>Selector</c>, or else the template labels.</summary>
    public override IReadOnlyCollection<KeyValuePair<string, string>> PodSelector => _selector.Count > 0 ? [.. _selector] : [.. TemplateLabels];

    public TSelf Replicas(int replicas)
    {
        _replicas = replicas;
        return Self;
    }

    /// <summary>A label of the pod template (spec.template.metadata.labels).</summary>
    public TSelf TemplateLabel(string key, string value)
    {
        TemplateLabels.Set(key, value);
        return Self;
    }

    public TSelf TemplateAnnotation(string key, string value)
    {
        TemplateAnnotations.Set(key, value);
        return Self;
    }

    /// <summary>An explicit selector label; without any, the selector is the template labels. Each must also be a template label.</summary>
    public TSelf Selector(string key, string value)
    {
        _selector.Set(key, value);
        return Self;
    }

    private protected override void WriteBody(YamlMap root)
    {
        var template = new YamlMap()
            .Add("metadata", new YamlMap().Add("labels", TemplateLabels).Add("annotations", TemplateAnnotations))
            .Add("spec", PodSpecYaml());
        var spec = new YamlMap().Add("replicas", _replicas);
        WriteControllerFields(spec);
        spec.Add("selector", new YamlMap().Add("matchLabels", PodSelector))
            .Add("template", template);
        root.Add("spec", spec);
    }

    /// <summary>Fields of one controller kind that come before the selector (a Deployment's strategy).</summary>
    private protected virtual void WriteControllerFields(YamlMap spec)
    {
    }
}

/// <summary>apps/v1 Deployment.</summary>
public sealed class Deployment() : Workload<Deployment>("apps/v1", "Deployment")
{
    private string? _strategy;

    /// <summary>RollingUpdate or Recreate.</summary>
    public Deployment Strategy(string type)
    {
        _strategy = type;
        return this;
    }

    private protected override void WriteControllerFields(YamlMap spec) =>
        spec.Add("strategy", _strategy is null ? null : new YamlMap().Add("type", _strategy));
}

/// <summary>apps/v1 ReplicaSet.</summary>
public sealed class ReplicaSet() : Workload<ReplicaSet>("apps/v1", "ReplicaSet");
