using System.Globalization;

namespace Shipshape.Core.Schema;

/// <summary>A Kubernetes minor version, "1.30". Patch levels are accepted when parsing and ignored: APIs change per minor version.</summary>
public readonly record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    /// <summary>Reads "1.30", "v1.30" or "1.30.2".</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = default;
        return text is not null && TryParse(text.AsSpan(), out version);
    }

    /// <summary>
    /// Reads "1.30", "v1.30" or "1.30.2" without allocating: the embedded version list and the lifecycle table are
    /// parsed on every run, and each string Split cost a lint of one file a few hundred bytes of fresh heap.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out KubernetesVersion version)
    {
        version = default;
        var rest = text.Trim().TrimStart('v');
        Span<int> numbers = stackalloc int[3];
        var count = 0;
        for (var more = true; more; count++)
        {
            var dot = rest.IndexOf('.');
            more = dot >= 0;
            if (count == numbers.Length || !int.TryParse(more ? rest.Slice(0, dot) : rest, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[count]))
            {
                return false;
            }

            rest = more ? rest.Slice(dot + 1) : default;
        }

        if (count < 2)
        {
            return false;
        }

        version = new KubernetesVersion(numbers[0], numbers[1]);
        return true;
    }

    public static KubernetesVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a Kubernetes version like 1.30");

    public int CompareTo(KubernetesVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
