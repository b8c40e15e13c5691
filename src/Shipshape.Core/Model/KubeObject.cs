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

    /// <summary>Where findings about a field the spec lacks are reported: the <c>spec</c> key, else the kind when there is no spec.</summary>
    public Node SpecAnchor => Node.KeyNode("spec") ?? KindNode;

    /// <summary>The pod this object runs, or null for kinds that run none.</summary>
    public virtual PodTemplate? PodTemplate => null;

    /// <summary>
    /// This object with only the fields the whole-set rules read of its kind (see <see cref="FieldsForSetRules"/>),
    /// so that a run over many files does not keep every object's whole tree until those rules have run.
    /// </summary>
    public KubeObject ReducedForSetRules()
    {
        if (FieldsForSetRules is not { } pruner)
        {
            return this;
        }

        var root = pruner.Prune(Node);
        return KubeObjectFactory.Create(new ManifestDocument(Document.File, Document.Index, root), root, ApiVersionNode, KindNode);
    }

    /// <summary>
    /// The fields whole-set rules read of this kind, or null when they read all of it. A kind without a model
    /// is only found by identity (duplicates, references by name) and suppressed by annotation, except for the
    /// few whose references the set rules check (an autoscaler's target, a budget's or policy's pod selectors).
    /// </summary>
    private protected virtual TreePruner? FieldsForSetRules => Kind switch
    {
        "HorizontalPodAutoscaler" or "PodDisruptionBudget" => IdentityAndSpec,
        "NetworkPolicy" => NetworkPolicyFields,
        "ServiceAccount" => ServiceAccountFields,
        _ => IdentityOnly,
    };

    private static TreePruner IdentityOnly { get; } = TreePruner.Keeping("apiVersion", "kind", "metadata");

    /// <summary>Budgets and autoscalers are small, and the availability and reference rules read their whole spec.</summary>
    private static TreePruner IdentityAndSpec { get; } = TreePruner.Keeping("apiVersion", "kind", "metadata", "spec");

    /// <summary>A policy's selector and its rules' peers: which pods it isolates, and which it admits.</summary>
    private static TreePruner NetworkPolicyFields { get; } =
        TreePruner.Keeping("apiVersion", "kind", "metadata", "spec.podSelector", "spec.ingress.from", "spec.egress.to");

    /// <summary>A ServiceAccount's token setting is the default of the pods that use it.</summary>
    private static TreePruner ServiceAccountFields { get; } = TreePruner.Keeping("apiVersion", "kind", "metadata", "automountServiceAccountToken");

    public override string ToString() => Identity.ToString();
}
