using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>
/// A value for a field the builder has no method for, given to <c>.Set(path, value)</c>: a string, a whole number
/// or a boolean as they are (<c>.Set("spec.minReadySeconds", 10)</c>), anything else as YAML
/// (<c>.Set("spec.template.spec.affinity", FieldValue.FromYaml("..."))</c>).
/// </summary>
public sealed class FieldValue
{
    private FieldValue(YamlValue value) => Value = value;

    internal YamlValue Value { get; }

    /// <summary>A mapping, list or scalar written in YAML; <c>"{}"</c> is an empty mapping, <c>"null"</c> or an empty text a null.</summary>
    /// <exception cref="ArgumentException">The text is not one YAML value.</exception>
    public static FieldValue FromYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        // An empty document is a null, as YAML reads it.
        return YamlReader.ReadDocuments(yaml, "a field value") switch
        {
            [] => Null,
            [var value] => new FieldValue(value),
            var documents => throw new ArgumentException($"A field value is one YAML value, but this text holds {documents.Count} documents.", nameof(yaml)),
        };
    }

    /// <summary>An explicit null (<c>creationTimestamp: null</c>), which is written, unlike a field never set.</summary>
    public static FieldValue Null { get; } = new(YamlScalar.Plain("null"));

    public static FieldValue FromString(string value) => new(YamlScalar.String(value ?? throw new ArgumentNullException(nameof(value))));

    public static FieldValue FromInt64(long value) => new(YamlScalar.Number(value));

    public static FieldValue FromBoolean(bool value) => new(YamlScalar.Boolean(value));

    public static implicit operator FieldValue(string value) => FromString(value);

    public static implicit operator FieldValue(long value) => FromInt64(value);

    public static implicit operator FieldValue(bool value) => FromBoolean(value);
}
