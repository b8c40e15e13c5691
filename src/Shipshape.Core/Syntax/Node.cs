namespace Shipshape.Core.Syntax;

/// <summary>
/// A node of a YAML document as the loader built it: a mapping, a sequence or a scalar, with its
/// position. Aliases are resolved to the node they name, so a node may be reachable twice.
/// </summary>
public abstract class Node
{
    private protected Node(SourceSpan span, string? tag)
    {
        Span = span;
        Tag = tag;
    }

    public SourceSpan Span { get; }

    /// <summary>The explicit tag (<c>!!str</c>, <c>!custom</c>), or null when the node had none.</summary>
    public string? Tag { get; }

    /// <summary>A short word for the node's shape, for messages: "mapping", "list", "string" …</summary>
    public abstract string ShapeName { get; }
}
