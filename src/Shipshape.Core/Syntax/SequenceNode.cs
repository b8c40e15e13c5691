namespace Shipshape.Core.Syntax;

public sealed class SequenceNode : Node
{
    internal SequenceNode(IReadOnlyList<Node> items, SourceSpan span, string? tag)
        : base(span, tag)
    {
        Items = items;
    }

    public IReadOnlyList<Node> Items { get; }

    public int Count => Items.Count;

    public override string ShapeName => "list";
}
