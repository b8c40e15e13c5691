using Shipshape.Builder.Yaml;

namespace Shipshape.Builder.Kinds;

/// <summary>A field that holds a whole number or a string (a port by number or name, a surge of 1 or "25%"): pass either.</summary>
public sealed class IntOrString
{
    private readonly int? _number;
    private readonly string? _text;

    private IntOrString(int? number, string? text)
    {
        _number = number;
        _text = text;
    }

    public static IntOrString FromInt32(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(null, value ?? throw new ArgumentNullException(nameof(value)));

    public static implicit operator IntOrString(int value) => FromInt32(value);

    public static implicit operator IntOrString(string value) => FromString(value);

    public override string ToString() => _text ?? _number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal YamlScalar ToYaml() => _text is { } text ? YamlScalar.String(text) : YamlScalar.Number(_number!.Value);
}

/// <summary>A resource quantity as Kubernetes writes it ("250m", "128Mi", "2"): pass a string or a whole number.</summary>
public sealed class Quantity
{
    private Quantity(string text) => Text = text;

    /// <summary>The quantity as written; the engine checks its syntax when the object is synthesized.</summary>
    public string Text { get; }

    public static Quantity FromString(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    public static Quantity FromInt64(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static implicit operator Quantity(string value) => FromString(value);

    public static implicit operator Quantity(long value) => FromInt64(value);

    public override string ToString() => Text;
}
