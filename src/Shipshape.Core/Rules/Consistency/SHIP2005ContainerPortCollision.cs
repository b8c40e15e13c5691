using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>Two containers of one pod (or one container twice) declare the same containerPort and protocol.</summary>
public sealed class SHIP2005ContainerPortCollision : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ContainerPortCollision,
        title: "Port collision inside a pod",
        messageFormat: "Port {1}/{2} of {0} is already declared by {3} on line {4}; containers of a pod share one network namespace, so only one of them can bind it: use a different port",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Error,
        description: "All containers of a pod share its network namespace; two of them cannot listen on the same port and protocol.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        Dictionary<(long Port, string Protocol), (Container Container, ContainerPort Port)>? seen = null;
        foreach (var container in context.Spec.AllContainers)
        {
            if (!container.RunsForPodLifetime)
            {
                continue;
            }

            foreach (var port in container.Ports)
            {
                if (port.Number is not { } number)
                {
                    continue;
                }

                seen ??= [];
                if (seen.TryGetValue((number, port.Protocol), out var first))
                {
                    var owner = ReferenceEquals(first.Container, container) ? "the same container" : first.Container.Describe();
                    context.Report(Rule, port.NumberNode, container.Describe(), number, port.Protocol, owner, first.Port.NumberNode!.Span.Line);
                }
                else
                {
                    seen[(number, port.Protocol)] = (container, port);
                }
            }
        }
    }
}
