using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// The shape of the rules that ask every container and init container for a limit on one resource (memory, CPU,
/// ephemeral storage): each rule is its descriptor and the resource's name. Ephemeral containers are left out, as the
/// API gives them no resources. The finding is at the container's <c>name</c>; the descriptor's message takes the
/// container as its subject ({0}).
/// </summary>
public abstract class ResourceLimitMissing : ManifestAnalyzer
{
    private readonly DiagnosticDescriptor _rule;
    private readonly string _resource;

    private protected ResourceLimitMissing(DiagnosticDescriptor rule, string resource)
    {
        _rule = rule;
        _resource = resource;
    }

    public sealed override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [_rule];

    public sealed override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.Kind != ContainerKind.Ephemeral && container.Limit(_resource) is null)
            {
                context.Report(_rule, container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
