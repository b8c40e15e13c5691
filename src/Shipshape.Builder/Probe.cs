using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>A liveness, readiness or startup probe: <c>Probe.HttpGet("/healthz", 8080).PeriodSeconds(10)</c>.</summary>
public sealed class Probe
{
    private readonly string _handlerKey;
    private readonly YamlMap _handler;
    private int? _initialDelaySeconds;
    private int? _periodSeconds;
    private int? _timeoutSeconds;
    private int? _successThreshold;
    private int? _failureThreshold;

    private Probe(string handlerKey, YamlMap handler)
    {
        _handlerKey = handlerKey;
        _handler = handler;
    }

    public static Probe HttpGet(string path, TargetPort port) =>
        new("httpGet", new YamlMap().Add("path", path).Add("port", port.ToYaml()));

    public static Probe TcpSocket(TargetPort port) => new("tcpSocket", new YamlMap().Add("port", port.ToYaml()));

    public static Probe Exec(params string[] command) => new("exec", new YamlMap().Add("command", YamlList.Of(command)));

    public Probe InitialDelaySeconds(int seconds)
    {
        _initialDelaySeconds = seconds;
        return this;
    }

    public Probe PeriodSeconds(int seconds)
    {
        _periodSeconds = seconds;
        return this;
    }

    public Probe TimeoutSeconds(int seconds)
    {
        _timeoutSeconds = seconds;
        return this;
    }

    public Probe SuccessThreshold(int count)
    {
        _successThreshold = count;
        return this;
    }

    public Probe FailureThreshold(int count)
    {
        _failureThreshold = count;
        return this;
    }

    internal YamlMap ToYaml() => new YamlMap()
        .Add(_handlerKey, _handler)
        .Add("initialDelaySeconds", _initialDelaySeconds)
        .Add("periodSeconds", _periodSeconds)
        .Add("timeoutSeconds", _timeoutSeconds)
        .Add("successThreshold", _successThreshold)
        .Add("failureThreshold", _failureThreshold);
}

/// <summary>A port given by number or by the name a container gave it (Kubernetes' int-or-string).</summary>
public readonly record struct TargetPort
{
    private TargetPort(int? number, string? name)
    {
        Number = number;
        PortName = name;
    }

    public int? Number { get; }

    public string? PortName { get; }

    public static implicit operator TargetPort(int number) => new(number, null);

    public static implicit operator TargetPort(string name) => new(null, name);

    public static TargetPort FromInt32(int number) => number;

    public static TargetPort FromString(string name) => name;

    public override string ToString() => PortName ?? Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal YamlScalar ToYaml() => PortName is { } name ? YamlScalar.String(name) : YamlScalar.Number(Number!.Value);
}
