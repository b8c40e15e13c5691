using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>Two containers of one pod share a name (across containers, init containers and ephemeral containers).</summary>
public sealed class SHIP2006DuplicateContainerName : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DuplicateContainerName,
        title: "Duplicate container name in a pod",
        messageFormat: "Container name '{0}' is already used on line {1} of this pod; names must be unique across containers and init containers, so rename one",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Error,
        description: "Container names identify containers in logs, exec and status; the API rejects a pod whose containers share a name.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        Dictionary<string, Container>? seen = null;
        foreach (var container in context.Spec.AllContainers)
        {
            if (container.Name is not { } name)
            {
                continue;
            }

            seen ??= new Dictionary<string, Container>(StringComparer.Ordinal);
            if (!seen.TryAdd(name, container))
            {
                context.Report(Rule, container.NameNode, name, seen[name].NameNode!.Span.Line);
            }
        }
    }
}
