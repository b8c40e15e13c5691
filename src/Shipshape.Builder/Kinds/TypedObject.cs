using Shipshape.Builder.Yaml;

namespace Shipshape.Builder.Kinds;

/// <summary>
/// A typed value inside a Kubernetes object (a PodSpec, a Container, a custom resource's spec): the classes generated
/// from the OpenAPI definitions and from CRDs derive from it. Fields are set with fluent methods named after them.
/// </summary>
public abstract class TypedObject
{
    private protected TypedObject()
    {
    }

    private protected TypedFields Fields { get; } = new();

    private protected FieldOverrides Overrides { get; } = new();

    internal YamlMap ToYaml()
    {
        var map = new YamlMap();
        Fields.WriteTo(map);
        Overrides.ApplyTo(map);
        return map;
    }
}

/// <summary>The fluent setters the generated classes are made of, returning the concrete class so calls chain.</summary>
public abstract class TypedObject<TSelf> : TypedObject
    where TSelf : TypedObject<TSelf>
{
    protected TypedObject()
    {
    }

    /// <summary>
    /// Sets any field by its dotted path from this object, for what the schema does not describe:
    /// <c>.Set("terminationMessagePolicy", "FallbackToLogsOnError")</c>. It replaces a field the typed methods write.
    /// </summary>
    public TSelf Set(string path, FieldValue value)
    {
        Overrides.Set(path, value);
        return (TSelf)this;
    }

    /// <summary>Sets field <paramref name="name"/> (its JSON name); null unsets it.</summary>
    protected TSelf WithField(string name, object? value)
    {
        Fields.Set(name, value);
        return (TSelf)this;
    }

    /// <summary>Sets entry <paramref name="key"/> of map field <paramref name="name"/>.</summary>
    protected TSelf WithEntry(string name, string key, object? value)
    {
        Fields.SetEntry(name, key, value);
        return (TSelf)this;
    }

    /// <summary>Replaces map field <paramref name="name"/>.</summary>
    protected TSelf WithEntries<T>(string name, IEnumerable<KeyValuePair<string, T>> entries)
    {
        Fields.SetEntries(name, entries);
        return (TSelf)this;
    }
}

/// <summary>
/// A Kubernetes kind generated from its OpenAPI definition or a CRD: an object an <see cref="App"/> takes, with
/// <c>.Name</c>, <c>.Namespace</c>, <c>.Label</c> and <c>.Annotation</c> for its metadata and a fluent method per field.
/// </summary>
public abstract class TypedResource<TSelf> : global::Shipshape.Builder.Resource<TSelf>
    where TSelf : TypedResource<TSelf>
{
    private readonly TypedFields _fields = new();

    protected TypedResource(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>Sets field <paramref name="name"/> (its JSON name); null unsets it.</summary>
    protected TSelf WithField(string name, object? value)
    {
        _fields.Set(name, value);
        return Self;
    }

    /// <summary>Sets entry <paramref name="key"/> of map field <paramref name="name"/>.</summary>
    protected TSelf WithEntry(string name, string key, object? value)
    {
        _fields.SetEntry(name, key, value);
        return Self;
    }

    /// <summary>Replaces map field <paramref name="name"/>.</summary>
    protected TSelf WithEntries<T>(string name, IEnumerable<KeyValuePair<string, T>> entries)
    {
        _fields.SetEntries(name, entries);
        return Self;
    }

    private protected sealed override void WriteBody(YamlMap root) => _fields.WriteTo(root);
}
