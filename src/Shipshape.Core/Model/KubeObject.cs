using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>
/// Any Kubernetes object: apiVersion, kind and metadata, plus its whole mapping for rules that read more.
/// Kinds the rules know well have subclasses (<see cref="Pod"/>, <see cref="Workload"/>, <see cref="Service"/>,
/// <see cref="Ingress"/>); every other kind is this generic object.
/// </summary>
public class KubeObject
{
    public KubeObject(ManifestDocument document, MappingNode node, ScalarNode apiVersionNode, ScalarNode kindNode)
    {
        Document = document;
        Node = node;
        ApiVersionNode = apiVersionNode;
        KindNode = kindNode;
        Metadata = new ObjectMeta(node.Mapping("metadata"));
        Identity = new ResourceIdentity(ApiVersion, Kind, Metadata.Name, Metadata.Namespace);
    }

    public ManifestDocument Document { get; }

    public string FilePath => Document.File.Path;

    public MappingNode Node { get; }

    public ScalarNode ApiVersionNode { get; }

    public ScalarNode KindNode { get; }

    public string ApiVersion => ApiVersionNode.Value;

    public string Kind => KindNode.Value;

    /// <summary>The API group: "apps" for apps/v1, "" for the core group's v1.</summary>
    public string Group => ApiVersion.IndexOf('/') is var slash and >= 0 ? ApiVersion[..slash] : string.Empty;

    public ObjectMeta Metadata { get; }

    public string? Name => Metadata.Name;

    public string? Namespace => Metadata.Namespace;

    public ResourceIdentity Identity { get; }

    public MappingNode? Spec => Node.Mapping("spec");

    /// <summary>The pod this object runs, or null for kinds that run none.</summary>
    public virtual PodTemplate? PodTemplate => null;

    /// <summary>
    /// This object reduced to apiVersion, kind and metadata: all that whole-set rules read of a kind they have no
    /// model for, so that a run over many files does not keep each one's whole tree.
    /// </summary>
    public KubeObject WithoutBody()
    {
        var entries = new List<MappingEntry>(3);
        foreach (var entry in Node.Entries)
        {
            if (entry.KeyText is "apiVersion" or "kind" or "metadata")
            {
                entries.Add(entry);
            }
        }

        var root = new MappingNode(entries, index: null, Node.Span, Node.Tag);
        var document = new ManifestDocument(Document.File, Document.Index, root);
        return new KubeObject(document, root, ApiVersionNode, KindNode);
    }

    public override string ToString() => Identity.ToString();
}
