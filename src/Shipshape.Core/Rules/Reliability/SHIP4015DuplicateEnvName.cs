using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container's <c>env</c> list has two entries with the same <c>name</c>.</summary>
public sealed class SHIP4015DuplicateEnvName : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DuplicateEnvName,
        title: "Environment variable defined twice",
        messageFormat: "Environment variable '{0}' of {1} is already defined on line {2}; only the last definition takes effect, so remove one",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        description: "When a container defines the same environment variable twice, the later value silently wins, which is rarely what the author of the first one meant.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            Dictionary<string, int>? seen = null;
            foreach (var variable in container.Env)
            {
                if (variable.Scalar("name") is not { IsNull: false } name)
                {
                    continue;
                }

                seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (seen.TryGetValue(name.Value, out var firstLine))
                {
                    context.Report(Rule, name, name.Value, container.Describe(), firstLine);
                }
                else
                {
                    seen[name.Value] = name.Span.Line;
                }
            }
        }
    }
}
