using System.Runtime.CompilerServices;

namespace Shipshape.Core.Syntax;

/// <summary>
/// A node of a YAML document as the loader built it: a mapping, a sequence or a scalar, with its
/// position. Aliases are resolved to the node they name, so a node may be reachable twice.
/// </summary>
public abstract class Node
{
    /// <summary>
    /// The tags of the nodes that have one. Manifests almost never tag a node (the fast reader leaves any tagged
    /// file to the full parser), so a tag lives beside its node rather than in a field of each of the millions of
    /// nodes a large run builds. Made at the first tag: most runs never see one, and then ask nothing of it.
    /// </summary>
    private static ConditionalWeakTable<Node, string>? s_tags;

    private protected Node(SourceSpan span, string? tag)
    {
        Span = span;
        if (tag is not null)
        {
            LazyInitializer.EnsureInitialized(ref s_tags, static () => new ConditionalWeakTable<Node, string>()).Add(this, tag);
        }
    }

    public SourceSpan Span { get; }

    /// <summary>The explicit tag (<c>!!str</c>, <c>!custom</c>), or null when the node had none.</summary>
    public string? Tag => s_tags is { } tags && tags.TryGetValue(this, out var tag) ? tag : null;

    /// <summary>A short word for the node's shape, for messages: "mapping", "list", "string" …</summary>
    public abstract string ShapeName { get; }
}
