namespace Shipshape.Core.Syntax;

/// <summary>
/// Copies a tree keeping only the fields on given dotted paths (<c>spec.template.metadata</c>): the subtree at
/// the end of each path whole, the mappings on the way with just those keys. Lists are passed through, so a
/// path goes on into each item (<c>spec.containers.ports</c> keeps every container's ports). Nodes keep their
/// positions, so findings on the copy point where findings on the original would.
/// </summary>
internal sealed class TreePruner
{
    private readonly Dictionary<string, TreePruner> _children = new(StringComparer.Ordinal);

    private TreePruner()
    {
    }

    private bool KeepsWhole => _children.Count == 0;

    public static TreePruner Keeping(params string[] paths)
    {
        var root = new TreePruner();
        foreach (var path in paths)
        {
            var level = root;
            foreach (var key in path.Split('.'))
            {
                if (!level._children.TryGetValue(key, out var next))
                {
                    level._children[key] = next = new TreePruner();
                }

                level = next;
            }
        }

        return root;
    }

    public MappingNode Prune(MappingNode mapping) => (MappingNode)Prune((Node)mapping);

    private Node Prune(Node node)
    {
        if (KeepsWhole)
        {
            return node;
        }

        switch (node)
        {
            case MappingNode mapping:
                // Keys are unique and each kept one is a child's, so the kept entries fit in the smaller count.
                var entries = new MappingEntry[Math.Min(mapping.Count, _children.Count)];
                var kept = 0;
                foreach (var entry in mapping.Entries)
                {
                    if (entry.KeyText is { } key && _children.TryGetValue(key, out var child))
                    {
                        entries[kept++] = entry.WithValue(child.Prune(entry.Value));
                    }
                }

                if (kept < entries.Length)
                {
                    Array.Resize(ref entries, kept);
                }

                return new MappingNode(entries, index: null, mapping.Span, mapping.Tag);
            case SequenceNode sequence:
                var items = new Node[sequence.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Prune(sequence.Items[i]);
                }

                return new SequenceNode(items, sequence.Span, sequence.Tag);
            default:
                return node;
        }
    }
}
