using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>A Kubernetes object being built: apiVersion, kind and metadata; subclasses add the rest.</summary>
public abstract class Resource
{
    private protected Resource(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>metadata.name; set with <c>.Name(...)</c>.</summary>
    public string? ObjectName { get; private protected set; }

    /// <summary>metadata.namespace; set with <c>.Namespace(...)</c>.</summary>
    public string? ObjectNamespace { get; private protected set; }

    /// <summary>metadata.labels, in the order they were first set.</summary>
    public OrderedMap Labels { get; } = new();

    public OrderedMap Annotations { get; } = new();

    /// <summary>The fields set with <c>.Set(path, value)</c>, written over the typed ones.</summary>
    internal FieldOverrides Overrides { get; } = new();

    /// <summary>False where a name may come from elsewhere (<c>metadata.generateName</c> of a raw object).</summary>
    private protected virtual bool IsNameRequired => true;

    /// <summary>"Deployment 'echo'", for messages.</summary>
    public override string ToString() => $"{Kind} '{ObjectName}'";

    /// <summary>The object in the key order kubectl users expect: apiVersion, kind, metadata, then the body.</summary>
    internal YamlMap ToYaml()
    {
        var metadata = new YamlMap()
            .Add("name", ObjectName ?? (IsNameRequired ? throw new InvalidOperationException($"A {Kind} has no name; call .Name(\"...\") before adding it to the app.") : null))
            .Add("namespace", ObjectNamespace)
            .Add("labels", Labels)
            .Add("annotations", Annotations);
        var root = new YamlMap().Add("apiVersion", ApiVersion).Add("kind", Kind).Add("metadata", metadata);
        WriteBody(root);
        Overrides.ApplyTo(root);
        return root;
    }

    /// <summary>Adds everything after metadata (spec, data …) to <paramref name="root"/>.</summary>
    private protected abstract void WriteBody(YamlMap root);
}

/// <summary>The fluent metadata methods, returning the concrete builder so calls chain.</summary>
public abstract class Resource<TSelf> : Resource
    where TSelf : Resource<TSelf>
{
    private protected Resource(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>metadata.name: a DNS-1123 name such as <c>echo-server</c>.</summary>
    public TSelf Name(string name)
    {
        ObjectName = name;
        return Self;
    }

    public TSelf Namespace(string name)
    {
        ObjectNamespace = name;
        return Self;
    }

    /// <summary>Sets metadata label <paramref name="key"/>; setting a key again replaces its value.</summary>
    public TSelf Label(string key, string value)
    {
        Labels.Set(key, value);
        return Self;
    }

    public TSelf Annotation(string key, string value)
    {
        Annotations.Set(key, value);
        return Self;
    }

    /// <summary>
    /// Sets any field of the object by its dotted path from the object's root, for what the builder has no method
    /// for: <c>.Set("spec.minReadySeconds", 10)</c>. It replaces a field the typed methods write, so prefer them where they exist.
    /// </summary>
    public TSelf Set(string path, FieldValue value)
    {
        Overrides.Set(path, value);
        return Self;
    }

    private protected TSelf Self => (TSelf)this;
}

/// <summary>String pairs (labels, annotations, data) in first-set order; setting a key again replaces its value.</summary>
public sealed class OrderedMap : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    public int Count => _entries.Count;

    public string? this[string key] => _entries.FirstOrDefault(e => e.Key == key).Value;

    public void Set(string key, string value)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            _entries[index] = new(key, value);
        }
        else
        {
            _entries.Add(new(key, value));
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
