namespace Shipshape.Core.Syntax;

public sealed class SequenceNode : Node
{
    internal SequenceNode(Node[] items, SourceSpan span, string? tag)
        : base(span, tag)
    {
        Items = new ReadOnlyArray<Node>(items);
    }

    public ReadOnlyArray<Node> Items { get; }

    /// <summary>The items that are mappings, in order.</summary>
    /// <remarks>
    /// An iterator of its own rather than LINQ's <c>OfType</c>: a LINQ <c>Select</c> over a LINQ iterator is a
    /// generic virtual call, which the NativeAOT binary resolves with its type loader at run time, and the type
    /// loader's first use costs a one-file lint about a millisecond.
    /// </remarks>
    public IEnumerable<MappingNode> Mappings => ItemsOfType<MappingNode>();

    /// <summary>The items that are scalars, in order (see <see cref="Mappings"/> for why not <c>OfType</c>).</summary>
    public IEnumerable<ScalarNode> Scalars => ItemsOfType<ScalarNode>();

    public int Count => Items.Count;

    public override string ShapeName => "list";

    private IEnumerable<T> ItemsOfType<T>()
        where T : Node
    {
        foreach (var item in Items)
        {
            if (item is T typed)
            {
                yield return typed;
            }
        }
    }
}
