using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A container (or init container) has neither a request nor a limit for CPU or for memory (a request left out
/// defaults to the limit, so a limit alone is a plan).
/// </summary>
public sealed class SHIP4003ResourceRequestsMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ResourceRequestsMissing,
        title: "CPU or memory request missing",
        messageFormat: "{0} sets no {1} request or limit, so the scheduler places it as if it needed nothing and it is the first evicted under pressure; set resources.requests.{2}",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Without requests the scheduler cannot place the pod sensibly and the pod gets the BestEffort or Burstable class, evicted first.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.Kind == ContainerKind.Ephemeral)
            {
                continue;
            }

            // A request left out defaults to the limit of the same resource, so only a resource with neither is unplanned.
            var requests = container.Resources?.Mapping("requests");
            var limits = container.Resources?.Mapping("limits");
            var missing = (requests?["cpu"] is null && limits?["cpu"] is null, requests?["memory"] is null && limits?["memory"] is null) switch
            {
                (true, true) => ("CPU or memory", "cpu and .memory"),
                (true, false) => ("CPU", "cpu"),
                (false, true) => ("memory", "memory"),
                _ => default,
            };
            if (missing != default)
            {
                context.Report(Rule, container.Anchor, container.DescribeAsSubject(), missing.Item1, missing.Item2);
            }
        }
    }
}
