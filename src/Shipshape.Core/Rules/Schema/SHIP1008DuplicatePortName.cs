using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>Two ports of one container have the same <c>name</c>.</summary>
public sealed class SHIP1008DuplicatePortName : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DuplicatePortName,
        title: "Two ports of one container share a name",
        messageFormat: "Port name '{0}' of {1} is already used on line {2}; the API server rejects the Pod, since a Service or probe naming the port could not tell them apart. Rename one of them",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The port names of a container must be unique.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            var ports = container.Ports;
            for (var i = 1; i < ports.Count; i++)
            {
                if (ports[i].Name is not { } name)
                {
                    continue;
                }

                for (var j = 0; j < i; j++)
                {
                    if (ports[j].Name == name)
                    {
                        context.Report(Rule, ports[i].NameNode, name, container.Describe(), ports[j].NameNode!.Span.Line);
                        break;
                    }
                }
            }
        }
    }
}
