using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>The <c>metadata</c> of an object or of a pod template.</summary>
public sealed class ObjectMeta
{
    public static ObjectMeta Empty { get; } = new(null);

    public ObjectMeta(MappingNode? node)
    {
        Node = node;
        NameNode = node?.Scalar("name");
        NamespaceNode = node?.Scalar("namespace");
        Labels = LabelMap.From(node?["labels"]);
        Annotations = LabelMap.From(node?["annotations"]);
    }

    public MappingNode? Node { get; }

    public ScalarNode? NameNode { get; }

    public string? Name => NameNode is { IsNull: false } name ? name.Value : null;

    public ScalarNode? NamespaceNode { get; }

    public string? Namespace => NamespaceNode is { IsNull: false } ns && ns.Value.Length > 0 ? ns.Value : null;

    public LabelMap Labels { get; }

    public LabelMap Annotations { get; }
}
