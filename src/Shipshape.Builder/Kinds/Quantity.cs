namespace Shipshape.Builder.Kinds;

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
