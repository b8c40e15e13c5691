using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A container port's <c>name</c> is not an IANA service name (15 characters at most, lower-case letters, digits and '-').</summary>
public sealed class SHIP1007ContainerPortNameInvalid : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ContainerPortNameInvalid,
        title: "Container port name is not a valid service name",
        messageFormat: "Port name '{0}' of {1} is not valid: {2}; the API server rejects the Pod. Use a short name such as 'http' or 'metrics'",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "Container port names must be IANA service names (at most 15 lower-case letters, digits and '-', with at least one letter), so that Services and probes can refer to them.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            foreach (var port in container.Ports)
            {
                if (port.Name is { } name && DnsNames.ServiceNameProblem(name) is { } problem)
                {
                    context.Report(Rule, port.NameNode, name, container.Describe(), problem);
                }
            }
        }
    }
}
