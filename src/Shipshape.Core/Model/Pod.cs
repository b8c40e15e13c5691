using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

public sealed class Pod : KubeObject
{
    public Pod(ManifestDocument document, MappingNode node, ScalarNode apiVersionNode, ScalarNode kindNode)
        : base(document, node, apiVersionNode, kindNode)
    {
        PodTemplate = new PodTemplate(Metadata, Spec is { } spec ? new PodSpec(spec) : null, node);
    }

    public override PodTemplate PodTemplate { get; }

    private protected override TreePruner FieldsForSetRules => PodFields;

    private static TreePruner PodFields { get; } = PodSpec.FieldsForSetRules("spec", "apiVersion", "kind", "metadata");
}
