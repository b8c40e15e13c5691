using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A container requests less CPU, memory or ephemeral storage than its limit allows, or sets no limit for a resource it
/// requests. Off by default: Guaranteed QoS is a choice per workload (kube-score's requests-equal-limits checks).
/// </summary>
public sealed class SHIP4037RequestsNotEqualLimits : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RequestsNotEqualLimits,
        title: "Requests differ from limits",
        messageFormat: "{0} requests {1} {2} but {3}, so it may use more than its node set aside for it and is evicted before pods that stay within their requests (only equal CPU and memory requests and limits give the Guaranteed QoS class); make resources.requests.{2} and resources.limits.{2} equal",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "A container whose requests equal its limits never uses more than the scheduler reserved for it; with CPU and memory equal, its pod gets the Guaranteed QoS class and is evicted last.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var (resource, request, limit) in container.RequestsWithLimits())
            {
                // Unparseable quantities are the schema's finding, and a request above its limit is SHIP1012's error.
                if (resource is not ("cpu" or "memory" or "ephemeral-storage") || Quantity.Parse(request.Value) is not { } requested)
                {
                    continue;
                }

                if (limit is null)
                {
                    context.Report(Rule, request, container.DescribeAsSubject(), request.Value, resource, "sets no limit for it");
                }
                else if (Quantity.Parse(limit.Value) is { } limited && requested < limited)
                {
                    context.Report(Rule, request, container.DescribeAsSubject(), request.Value, resource, $"limits it to {limit.Value}");
                }
            }
        }
    }
}
