namespace Shipshape.Core.Syntax;

/// <summary>One key and its value in a mapping, both with their positions.</summary>
/// <remarks>
/// A plain key (nearly every key of a manifest) is kept as its text and position, not as a node of its own: a large
/// run reads close to a million keys, and a node for each was an eighth of all it allocated. Any other key (quoted,
/// tagged, anchored, a collection) keeps its node.
/// </remarks>
public readonly struct MappingEntry
{
    /// <summary>The key's text (a plain key) or its node (any other key).</summary>
    private readonly object _key;

    public MappingEntry(Node key, Node value)
    {
        _key = key;
        KeySpan = key.Span;
        Value = value;
    }

    internal MappingEntry(string plainKey, SourceSpan keySpan, Node value)
    {
        _key = plainKey;
        KeySpan = keySpan;
        Value = value;
    }

    /// <summary>
    /// The key as a node. A plain key's node is made on each call, so code that runs for every entry uses
    /// <see cref="KeyText"/> and <see cref="KeySpan"/> instead.
    /// </summary>
    public Node Key => _key as Node ?? new ScalarNode((string)_key, isPlain: true, KeySpan, tag: null);

    /// <summary>The key's text when the key is a scalar (it always is in Kubernetes objects), else null.</summary>
    public string? KeyText => _key as string ?? (_key as ScalarNode)?.Value;

    /// <summary>Where the key is.</summary>
    public SourceSpan KeySpan { get; }

    public Node Value { get; }

    /// <summary>This key with another value.</summary>
    public MappingEntry WithValue(Node value) => _key is string text ? new MappingEntry(text, KeySpan, value) : new MappingEntry((Node)_key, value);

    /// <summary>Whether <paramref name="other"/> is this very entry (the same key at the same place), not merely an equal one.</summary>
    public bool IsSameEntry(MappingEntry other) => ReferenceEquals(_key, other._key) && KeySpan == other.KeySpan;
}

/// <summary>
/// A YAML mapping. Entries keep their source order; when a key appears twice the loader reports it
/// (SHIP0002) and the later value wins, as it does for the Kubernetes API server's JSON decoding.
/// </summary>
public sealed class MappingNode : Node
{
    private readonly Dictionary<string, int>? _index;

    internal MappingNode(MappingEntry[] entries, Dictionary<string, int>? index, SourceSpan span, string? tag)
        : base(span, tag)
    {
        Entries = new ReadOnlyArray<MappingEntry>(entries);
        _index = index;
    }

    public ReadOnlyArray<MappingEntry> Entries { get; }

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

    /// <summary>The key node of <paramref name="key"/>, for findings about the field itself rather than its value (made on each call; see <see cref="MappingEntry.Key"/>).</summary>
    public Node? KeyNode(string key) => TryGetEntry(key, out var entry) ? entry.Key : null;

    public MappingNode? Mapping(string key) => this[key] as MappingNode;

    public SequenceNode? Sequence(string key) => this[key] as SequenceNode;

    public ScalarNode? Scalar(string key) => this[key] as ScalarNode;

    /// <summary>The scalar text under <paramref name="key"/>, or null when it is missing, null or not a scalar.</summary>
    public string? Text(string key) => Scalar(key) is { IsNull: false } scalar ? scalar.Value : null;
}
