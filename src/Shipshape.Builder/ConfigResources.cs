using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>A v1 Namespace.</summary>
public sealed class Namespace() : Resource<Namespace>("v1", "Namespace")
{
    private protected override void WriteBody(YamlMap root)
    {
    }
}

/// <summary>A v1 ConfigMap: <c>new ConfigMap().Name("echo-config").Data("LOG_LEVEL", "info")</c>.</summary>
public sealed class ConfigMap() : Resource<ConfigMap>("v1", "ConfigMap")
{
    public OrderedMap Entries { get; } = new();

    public ConfigMap Data(string key, string value)
    {
        Entries.Set(key, value);
        return this;
    }

    private protected override void WriteBody(YamlMap root) => root.Add("data", Entries);
}

/// <summary>A v1 Secret, given as plain text (stringData) or base64 (data); keep real secrets out of source control.</summary>
public sealed class Secret() : Resource<Secret>("v1", "Secret")
{
    private readonly OrderedMap _data = new();
    private readonly OrderedMap _stringData = new();
    private string? _type;

    /// <summary>Opaque (Kubernetes' default), kubernetes.io/tls, kubernetes.io/dockerconfigjson …</summary>
    public Secret Type(string type)
    {
        _type = type;
        return this;
    }

    /// <summary>A base64-encoded value under <c>data</c>.</summary>
    public Secret Data(string key, string base64Value)
    {
        _data.Set(key, base64Value);
        return this;
    }

    /// <summary>A plain-text value under <c>stringData</c>; the API server encodes it.</summary>
    public Secret StringData(string key, string value)
    {
        _stringData.Set(key, value);
        return this;
    }

    private protected override void WriteBody(YamlMap root) => root.Add("type", _type).Add("data", _data).Add("stringData", _stringData);
}
