namespace Shipshape.Core.Syntax;

/// <summary>One key and its value in a mapping, both with their positions.</summary>
public readonly record struct MappingEntry(Node Key, Node Value)
{
    /// <summary>The key's text when the key is a scalar (it always is in Kubernetes objects), else null.</summary>
    public string? KeyText => (Key as ScalarNode)?.Value;
}

/// <summary>
/// A YAML mapping. Entries keep their source order; when a key appears twice the loader reports it
/// (SHIP0002) and the later value wins, as it does for the Kubernetes API server's JSON decoding.
/// </summary>
public sealed class MappingNode : Node
{
    private readonly Dictionary<string, int>? _index;

    internal MappingNode(IReadOnlyList<MappingEntry> entries, Dictionary<string, int>? index, SourceSpan span, string? tag)
        : base(span, tag)
    {
        Entries = entries;
        _index = index;
    }

    public IReadOnlyList<MappingEntry> Entries { get; }

    public int Count => Entries.Count;

    public override string ShapeName => "mapping";

    /// <summary>The value under <paramref name="key"/>, or null when the mapping has no such key.</summary>
    public Node? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGetEntry(string key, out MappingEntry entry)
    {
        if (_index is not null)
        {
            if (_index.TryGetValue(key, out var position))
            {
                entry = Entries[position];
                return true;
            }
        }
        else
        {
            // Small mappings are searched linearly: cheaper than building a dictionary for each one.
            for (var i = Entries.Count - 1; i >= 0; i--)
            {
                if (Entries[i].KeyText == key)
                {
                    entry = Entries[i];
                    return true;
                }
            }
        }

        entry = default;
        return false;
    }

    /// <summary>The key node of <paramref name="key"/>, for findings about the field itself rather than its value.</summary>
    public Node? KeyNode(string key) => TryGetEntry(key, out var entry) ? entry.Key : null;

    public MappingNode? Mapping(string key) => this[key] as MappingNode;

    public SequenceNode? Sequence(string key) => this[key] as SequenceNode;

    public ScalarNode? Scalar(string key) => this[key] as ScalarNode;

    /// <summary>The scalar text under <paramref name="key"/>, or null when it is missing, null or not a scalar.</summary>
    public string? Text(string key) => Scalar(key) is { IsNull: false } scalar ? scalar.Value : null;
}
