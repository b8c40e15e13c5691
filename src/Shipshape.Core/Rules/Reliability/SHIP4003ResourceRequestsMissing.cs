using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container (or init container) has no <c>resources.requests.cpu</c> or <c>resources.requests.memory</c>.</summary>
public sealed class SHIP4003ResourceRequestsMissing : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ResourceRequestsMissing,
        title: "CPU or memory request missing",
        messageFormat: "{0} sets no {1} request, so the scheduler places it as if it needed nothing and it is the first evicted under pressure; set resources.requests.{2}",
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

            var requests = container.Resources?.Mapping("requests");
            var missing = (requests?["cpu"] is null, requests?["memory"] is null) switch
            {
                (true, true) => ("CPU or memory", "cpu and .memory"),
                (true, false) => ("CPU", "cpu"),
                (false, true) => ("memory", "memory"),
                _ => default,
            };
            if (missing != default)
            {
                context.Report(Rule, container.Anchor, container.Describe(), missing.Item1, missing.Item2);
            }
        }
    }
}
