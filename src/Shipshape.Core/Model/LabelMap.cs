using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>One label (or annotation, or selector term): key and value with their nodes.</summary>
public readonly struct Label
{
    /// <summary>An entry with a scalar key and a scalar value (<see cref="LabelMap.From"/> keeps no other).</summary>
    private readonly MappingEntry _entry;

    internal Label(MappingEntry entry)
    {
        _entry = entry;
    }

    public string Key => _entry.KeyText!;

    /// <summary>The value's text; empty for a null value.</summary>
    public string Value => ValueNode is { IsNull: false } value ? value.Value : string.Empty;

    /// <summary>The key's node, for findings about the key (made on request: see <see cref="MappingEntry.Key"/>).</summary>
    public Node KeyNode => _entry.Key;

    public ScalarNode ValueNode => (ScalarNode)_entry.Value;
}

/// <summary>A string-to-string map from a manifest (labels, annotations, matchLabels), in source order.</summary>
public sealed class LabelMap
{
    public static LabelMap Empty { get; } = new([], null);

    private LabelMap(Label[] entries, MappingNode? node)
    {
        Entries = new ReadOnlyArray<Label>(entries);
        Node = node;
    }

    public ReadOnlyArray<Label> Entries { get; }

    /// <summary>The mapping the labels came from, or null when the manifest had none.</summary>
    public MappingNode? Node { get; }

    public int Count => Entries.Count;

    public bool TryGetValue(string key, out Label label)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key == key)
            {
                label = Entries[i];
                return true;
            }
        }

        label = default;
        return false;
    }

    public string? this[string key] => TryGetValue(key, out var label) ? label.Value : null;

    /// <summary>Reads a map of scalars; entries whose key or value is not a scalar are left out (the schema reports them).</summary>
    public static LabelMap From(Node? node)
    {
        if (node is not MappingNode mapping || mapping.Count == 0)
        {
            return node is MappingNode empty ? new LabelMap([], empty) : Empty;
        }

        var entries = new Label[mapping.Count];
        var count = 0;
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not null && entry.Value is ScalarNode)
            {
                entries[count++] = new Label(entry);
            }
        }

        if (count < entries.Length)
        {
            Array.Resize(ref entries, count);
        }

        return new LabelMap(entries, mapping);
    }

    /// <summary>"app=web, tier=front": how messages quote a label set.</summary>
    public string Describe() => string.Join(", ", Entries.Select(e => $"{e.Key}={e.Value}"));
}
