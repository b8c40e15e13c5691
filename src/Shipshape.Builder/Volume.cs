using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>A pod volume: <c>Volume.FromConfigMap("config", "echo-config")</c>, mounted with <c>Container.VolumeMount</c>.</summary>
public sealed class Volume
{
    private readonly string _sourceKey;
    private readonly YamlMap _source;

    private Volume(string name, string sourceKey, YamlMap source)
    {
        VolumeName = name;
        _sourceKey = sourceKey;
        _source = source;
    }

    public string VolumeName { get; }

    /// <summary>The keys of ConfigMap <paramref name="configMap"/> as files; <paramref name="defaultMode"/> as a number (0644 octal is 420).</summary>
    public static Volume FromConfigMap(string name, string configMap, int? defaultMode = null) =>
        new(name, "configMap", new YamlMap().Add("name", configMap).Add("defaultMode", defaultMode));

    public static Volume FromSecret(string name, string secret, int? defaultMode = null) =>
        new(name, "secret", new YamlMap().Add("secretName", secret).Add("defaultMode", defaultMode));

    public static Volume EmptyDir(string name) => new(name, "emptyDir", new YamlMap());

    internal YamlMap ToYaml() => new YamlMap().Add("name", VolumeName).Put(_sourceKey, _source);
}
