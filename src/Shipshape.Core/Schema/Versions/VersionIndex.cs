using System.Buffers.Text;
using System.Text;

namespace Shipshape.Core.Schema.Versions;

/// <summary>
/// The definitions of one embedded Kubernetes version: its index (schemas/kubernetes/X.Y.index) into the definitions
/// that all versions share (schemas/kubernetes/definitions.lines, each distinct definition stored once). Both stay
/// where the binary maps them; nothing is parsed when a version is opened. The index holds the byte offset of each
/// of the version's definitions in name order, 8 hex digits a line, so a name is found by binary search through the
/// offsets, and then the version's kinds, one <c>APIVERSION KIND OFFSET</c> line each, found by searching for the
/// kind (schemas/pack.py writes both; schemas/README.md describes them).
/// </summary>
internal sealed class VersionIndex : DefinitionTexts
{
    private const int OffsetDigits = 8;
    private const int EntryLength = OffsetDigits + 1;
    private static ReadOnlySpan<byte> CountLine => "definitions "u8;
    private static ReadOnlySpan<byte> KindsLine => "kinds\n"u8;

    private readonly ReadOnlyMemory<byte> _definitions;
    private readonly ReadOnlyMemory<byte> _index;
    private readonly int _entriesStart;
    private readonly int _kindsStart;
    private Dictionary<GroupVersionKind, string>? _allKinds;

    /// <exception cref="InvalidDataException">The index is not one that schemas/pack.py writes.</exception>
    public VersionIndex(ReadOnlyMemory<byte> definitions, ReadOnlyMemory<byte> index)
    {
        _definitions = definitions;
        _index = index;
        var text = index.Span;
        var firstLineEnd = text.IndexOf((byte)'\n');
        if (!text.StartsWith(CountLine) || firstLineEnd < 0
            || !Utf8Parser.TryParse(text[CountLine.Length..firstLineEnd], out int count, out var consumed) || consumed != firstLineEnd - CountLine.Length)
        {
            throw new InvalidDataException("An embedded schema index does not start with its definition count.");
        }

        Count = count;
        _entriesStart = firstLineEnd + 1;
        var kindsLine = _entriesStart + (count * EntryLength);
        if (kindsLine + KindsLine.Length > text.Length || !text.Slice(kindsLine, KindsLine.Length).SequenceEqual(KindsLine))
        {
            throw new InvalidDataException("An embedded schema index does not list its kinds after its definitions.");
        }

        // The kinds section is searched for "\nAPIVERSION KIND ", so it starts at the newline before its first line.
        _kindsStart = kindsLine + KindsLine.Length - 1;
    }

    public override int Count { get; }

    public override IReadOnlyDictionary<GroupVersionKind, string> AllKinds => _allKinds ??= ReadAllKinds();

    public override string? FindKind(GroupVersionKind gvk)
    {
        var offset = FindKindOffset(gvk);
        return offset < 0 ? null : Encoding.UTF8.GetString(Name(Line(offset)));
    }

    public override bool TryGet(string name, out ReadOnlyMemory<byte> json)
    {
        // Definition names are ASCII, and none is near this long.
        const int LongestName = 512;
        json = default;
        if (name.Length > LongestName)
        {
            return false;
        }

        Span<byte> wanted = stackalloc byte[LongestName * 3];
        wanted = wanted[..Encoding.UTF8.GetBytes(name.AsSpan(), wanted)];
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var start = Offset(middle);
            var line = Line(start);
            var order = Name(line).SequenceCompareTo(wanted);
            if (order == 0)
            {
                // The body follows "NAME":.
                var bodyStart = wanted.Length + 3;
                json = _definitions.Slice(start + bodyStart, line.Length - bodyStart);
                return true;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    /// <summary>The names of the version's definitions, in order.</summary>
    public IEnumerable<string> AllDefinitionNames()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Encoding.UTF8.GetString(Name(Line(Offset(i))));
        }
    }

    private int Offset(int entry)
    {
        var digits = _index.Span.Slice(_entriesStart + (entry * EntryLength), OffsetDigits);
        return Utf8Parser.TryParse(digits, out int offset, out var consumed, 'x') && consumed == OffsetDigits
            ? offset
            : throw new InvalidDataException("An embedded schema index has an entry that is not 8 hex digits.");
    }

    private ReadOnlySpan<byte> Line(int offset)
    {
        var rest = _definitions.Span[offset..];
        var length = rest.IndexOf((byte)'\n');
        return length < 0 ? rest : rest[..length];
    }

    /// <summary>The offset of the definition of <paramref name="gvk"/>, or -1 when the version does not serve it.</summary>
    private int FindKindOffset(GroupVersionKind gvk)
    {
        var key = Encoding.UTF8.GetBytes($"\n{gvk.ApiVersion} {gvk.Kind} ");
        var kinds = _index.Span[_kindsStart..];
        var found = kinds.IndexOf(key);
        if (found < 0)
        {
            return -1;
        }

        var digits = kinds.Slice(found + key.Length, OffsetDigits);
        return Utf8Parser.TryParse(digits, out int offset, out _, 'x') ? offset : -1;
    }

    private Dictionary<GroupVersionKind, string> ReadAllKinds()
    {
        var kinds = new Dictionary<GroupVersionKind, string>();
        foreach (var line in Encoding.ASCII.GetString(_index.Span[(_kindsStart + 1)..]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            if (fields.Length == 3 && int.TryParse(fields[2], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var offset))
            {
                kinds[GroupVersionKind.From(fields[0], fields[1])] = Encoding.UTF8.GetString(Name(Line(offset)));
            }
        }

        return kinds;
    }
}
