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
    /// <remarks>Set by the engine when it joins the segments of a large file, each read and numbered on its own.</remarks>
    public int Index { get; internal set; }

    public Node Root { get; }
}
