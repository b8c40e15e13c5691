using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container (or init container) has no <c>resources.limits.memory</c>. CPU limits are not required: they throttle without protecting other pods.</summary>
public sealed class SHIP4004MemoryLimitMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.MemoryLimitMissing,
        title: "Memory limit missing",
        messageFormat: "{0} sets no memory limit, so a leak can use up the node's memory and get other pods killed; set resources.limits.memory",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "A container without a memory limit can exhaust the node, and the kernel's OOM killer then picks victims among the other pods.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.Kind != ContainerKind.Ephemeral && container.Resources?.Mapping("limits")?["memory"] is null)
            {
                context.Report(Rule, container.Anchor, container.DescribeAsSubject());
            }
        }
    }
}
