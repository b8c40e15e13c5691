using Shipshape.Core.Syntax;

namespace Shipshape.Core.Loading;

/// <summary>One YAML document of a file: its root node and where it sits in the stream.</summary>
public sealed class ManifestDocument
{
    public ManifestDocument(SourceFile file, int index, Node root)
    {
        File = file;
        Index = index;
        Root = root;
    }

    public SourceFile File { get; }

    /// <summary>0-based position of the document in its file, counting only non-empty documents.</summary>
    public int Index { get; }

    public Node Root { get; }
}
