using Shipshape.Builder.Yaml;

namespace Shipshape.Builder.Kinds;

/// <summary>
/// A resource quantity as Kubernetes writes it ("250m", "128Mi") or a whole number (<c>2</c>): pass either. It is
/// written as it was given, a number as a number, so an object read from YAML is written back as the same data.
/// </summary>
public sealed class Quantity
{
    private readonly long? _number;

    private Quantity(string text, long? number)
    {
        Text = text;
        _number = number;
    }

    /// <summary>The quantity as written; the engine checks its syntax when the object is synthesized.</summary>
    public string Text { get; }

    public static Quantity FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static Quantity FromInt64(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), value);

    public static implicit operator Quantity(string value) => FromString(value);

    public static implicit operator Quantity(long value) => FromInt64(value);

    public override string ToString() => Text;

    internal YamlScalar ToYaml() => _number is { } number ? YamlScalar.Number(number) : YamlScalar.String(Text);
}
