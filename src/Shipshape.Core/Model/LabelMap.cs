using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>One label (or annotation, or selector term): key and value with their nodes.</summary>
public readonly record struct Label(string Key, string Value, Node KeyNode, Node ValueNode);

/// <summary>A string-to-string map from a manifest (labels, annotations, matchLabels), in source order.</summary>
public sealed class LabelMap
{
    public static LabelMap Empty { get; } = new([], null);

    private LabelMap(IReadOnlyList<Label> entries, MappingNode? node)
    {
        Entries = entries;
        Node = node;
    }

    public IReadOnlyList<Label> Entries { get; }

    /// <summary>The mapping the labels came from, or null when the manifest had none.</summary>
    public MappingNode? Node { get; }

    public int Count => Entries.Count;

    public bool TryGetValue(string key, out Label label)
    {
        // Indexed, not foreach: through IReadOnlyList a foreach allocates an enumerator, and selectors match often.
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

        var entries = new List<Label>(mapping.Count);
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is { } key && entry.Value is ScalarNode value)
            {
                entries.Add(new Label(key, value.IsNull ? string.Empty : value.Value, entry.Key, value));
            }
        }

        return new LabelMap(entries, mapping);
    }

    /// <summary>"app=web, tier=front": how messages quote a label set.</summary>
    public string Describe() => string.Join(", ", Entries.Select(e => $"{e.Key}={e.Value}"));
}
