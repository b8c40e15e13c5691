using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A Service port sets <c>nodePort</c> outside 30000–32767.</summary>
public sealed class SHIP4011NodePortOutOfRange : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NodePortOutOfRange,
        title: "nodePort outside the default range",
        messageFormat: "nodePort {0} is outside 30000-32767, the range API servers allow unless started with another --service-node-port-range; pick a port in the range or leave nodePort out to get one assigned",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "A nodePort outside the cluster's service-node-port-range is rejected by the API server.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeService, "Service");

    private static void AnalyzeService(ObjectAnalysisContext context)
    {
        if (context.Object is not Service service)
        {
            return;
        }

        foreach (var port in service.Ports)
        {
            if (port.NodePortNode is { } nodePort && nodePort.TryGetInt64(out var number) && number != 0 && number is < 30000 or > 32767)
            {
                context.Report(Rule, nodePort, number);
            }
        }
    }
}
