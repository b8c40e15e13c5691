using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>
/// Any Kubernetes object, including kinds the builder has no class for and custom resources: made from YAML with
/// <see cref="FromYaml"/>, or by hand with <c>new RawResource("policy/v1", "PodDisruptionBudget").Name("web").Set("spec.minAvailable", 1)</c>.
/// It is added to an <see cref="App"/> and linted by <see cref="App.Synth"/> like every typed object.
/// </summary>
public sealed class RawResource(string apiVersion, string kind) : Resource<RawResource>(apiVersion, kind)
{
    /// <summary>
    /// The object written in <paramref name="yaml"/> (one document): name, namespace, labels and annotations are
    /// read into the typed metadata, so <c>.Label(...)</c> and the rest still work; every other field is kept as written.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not one YAML mapping with a string apiVersion and kind.</exception>
    public static RawResource FromYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var documents = YamlReader.ReadDocuments(yaml, "a raw resource");
        if (documents is not [YamlMap root])
        {
            throw new ArgumentException("A raw resource is one YAML document holding a mapping (apiVersion, kind, metadata, ...).", nameof(yaml));
        }

        var resource = new RawResource(RequiredString(root, "apiVersion"), RequiredString(root, "kind"));
        foreach (var (key, value) in root.Entries)
        {
            if (key == "metadata" && value is YamlMap { IsEmpty: false } metadata)
            {
                resource.ReadMetadata(metadata);
            }
            else if (key is not ("apiVersion" or "kind"))
            {
                resource.Overrides.Set([key], value);
            }
        }

        return resource;
    }

    private protected override bool IsNameRequired => false;

    /// <summary>Everything after metadata is a field set on the object.</summary>
    private protected override void WriteBody(YamlMap root)
    {
    }

    private void ReadMetadata(YamlMap metadata)
    {
        foreach (var (key, value) in metadata.Entries)
        {
            switch (key, value)
            {
                case ("name", YamlScalar { IsString: true } name):
                    Name(name.Text);
                    break;
                case ("namespace", YamlScalar { IsString: true } ns):
                    Namespace(ns.Text);
                    break;
                case ("labels", YamlMap labels) when IsStringMap(labels):
                    ReadPairs(labels, Labels);
                    break;
                case ("annotations", YamlMap annotations) when IsStringMap(annotations):
                    ReadPairs(annotations, Annotations);
                    break;
                default:
                    Overrides.Set(["metadata", key], value);
                    break;
            }
        }
    }

    /// <summary>True when the typed metadata writes the mapping back as it is: not empty (an empty one is not written), strings only.</summary>
    private static bool IsStringMap(YamlMap map) => !map.IsEmpty && map.Entries.All(e => e.Value is YamlScalar { IsString: true });

    private static void ReadPairs(YamlMap map, OrderedMap target)
    {
        foreach (var (key, value) in map.Entries)
        {
            target.Set(key, ((YamlScalar)value).Text);
        }
    }

    private static string RequiredString(YamlMap root, string key) =>
        root[key] is YamlScalar { IsString: true } scalar
            ? scalar.Text
            : throw new ArgumentException($"A raw resource needs {key} as a string, such as the one in `kubectl api-resources`.");
}
