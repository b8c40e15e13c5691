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
