using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>A Service port targets a port that none of the pods it selects declares.</summary>
public sealed class SHIP2003ServiceTargetPortNotExposed : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServiceTargetPortNotExposed,
        title: "Service targetPort matches no container port of the selected pods",
        messageFormat: "{0} targets port {1}, but the pods it selects ({2}) expose {3}; set targetPort to one of those ports or declare the port on the container",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Error,
        description: "Traffic to a Service port goes to its targetPort (or to port when targetPort is not set) on the selected pods; a port no container listens on, or a port name no container declares, breaks the Service.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        foreach (var service in context.Set.OfType<Service>())
        {
            if (!service.RoutesToSelectedPods)
            {
                continue;
            }

            var selected = context.Set.PodsMatching(service.Selector!, service.Namespace);
            if (selected.Count == 0)
            {
                continue;
            }

            foreach (var port in service.Ports)
            {
                if (port.TargetPort is not { } target || selected.Any(owner => Exposes(owner, target, port.Protocol)))
                {
                    continue;
                }

                var declared = DeclaredPorts(selected);

                // Kubernetes routes a numeric targetPort whether or not a container declares it;
                // only when the pods declare their ports can a missing one be called a mistake.
                if (target.IsNumber && declared.Count == 0)
                {
                    continue;
                }

                context.Report(
                    Rule,
                    service,
                    port.TargetPortNode ?? port.PortNode ?? (Syntax.Node)port.Node,
                    service.Identity.Describe(),
                    target.ToString(),
                    string.Join(", ", selected.Select(o => o.Identity.Describe())),
                    declared.Count == 0 ? "no ports" : ProseList.JoinWithAnd(declared));
            }
        }
    }

    private static bool Exposes(KubeObject owner, IntOrString target, string protocol) =>
        ServingContainers(owner).Any(container => container.Ports.Any(p =>
            p.Protocol == protocol && (target.IsNumber ? p.Number == target.Number : p.Name == target.Name)));

    private static IEnumerable<Container> ServingContainers(KubeObject owner) =>
        owner.PodTemplate?.Spec?.AllContainers.Where(c => c.RunsForPodLifetime) ?? [];

    /// <summary>Each declared port number once, in order of appearance, with its name where any declaration names it.</summary>
    private static List<string> DeclaredPorts(IEnumerable<KubeObject> owners)
    {
        // Loops, not a LINQ chain ending in Select: see SequenceNode.Mappings.
        var byNumber = new Dictionary<long, ContainerPort>();
        var numbers = new List<long>();
        foreach (var port in owners.SelectMany(ServingContainers).SelectMany(c => c.Ports))
        {
            if (port.Number is not { } number)
            {
                continue;
            }

            if (!byNumber.TryGetValue(number, out var first))
            {
                byNumber[number] = port;
                numbers.Add(number);
            }
            else if (first.Name is null && port.Name is not null)
            {
                byNumber[number] = port;
            }
        }

        return numbers.ConvertAll(number => byNumber[number].Describe());
    }
}
