using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A container requests more of a resource than its limit allows.</summary>
public sealed class SHIP1012RequestAboveLimit : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.RequestAboveLimit,
        title: "Resource request above its limit",
        messageFormat: "{0} requests {1} {2} but limits it to {3}; the API server rejects a request above the limit. Raise the limit or lower the request",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "A container's request for a resource must be less than or equal to its limit for that resource.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var (resource, request, limit) in container.RequestsWithLimits())
            {
                // Unparseable quantities are the schema's finding; only two numbers are compared here.
                if (limit is not null
                    && Quantity.Parse(request.Value) is { } requestedAmount
                    && Quantity.Parse(limit.Value) is { } limitAmount
                    && requestedAmount > limitAmount)
                {
                    context.Report(Rule, request, container.DescribeAsSubject(), request.Value, resource, limit.Value);
                }
            }
        }
    }
}
