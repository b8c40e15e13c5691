using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A probe sets none, or more than one, of <c>exec</c>, <c>httpGet</c>, <c>tcpSocket</c> and <c>grpc</c>.</summary>
public sealed class SHIP1013ProbeHandlerCount : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ProbeHandlerCount,
        title: "Probe must have exactly one handler",
        messageFormat: "The {0} of {1} {2}; the API server rejects a probe without exactly one of exec, httpGet, tcpSocket and grpc. Keep the one check the probe should make",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "A probe checks the container one way: exactly one of exec, httpGet, tcpSocket or grpc.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];

    private static readonly string[] Handlers = ["exec", "httpGet", "tcpSocket", "grpc"];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var field in Probes)
            {
                if (container.Node.Mapping(field) is not { } probe)
                {
                    continue;
                }

                string? first = null;
                foreach (var handler in Handlers)
                {
                    if (probe.TryGetEntry(handler, out var entry) && entry.Value is not Syntax.ScalarNode { IsNull: true })
                    {
                        if (first is not null)
                        {
                            context.Report(Rule, entry.Key, field, container.Describe(), $"sets both {first} and {handler}");
                            break;
                        }

                        first = handler;
                    }
                }

                if (first is null)
                {
                    context.Report(Rule, container.Node.KeyNode(field), field, container.Describe(), "sets no handler");
                }
            }
        }
    }
}
