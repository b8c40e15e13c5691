using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Consistency;

/// <summary>The same object (API group, kind, namespace, name) is defined twice in the linted set.</summary>
public sealed class SHIP2007DuplicateObject : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DuplicateObject,
        title: "Object defined twice",
        messageFormat: "{0} is already defined at {1}; applying both makes the later one silently replace the earlier, so remove or rename one",
        category: RuleCategory.Consistency,
        defaultSeverity: Severity.Warning,
        description: "Two definitions of the same object overwrite each other when applied; which one wins depends on file order.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterSetAction(AnalyzeSet);

    private static void AnalyzeSet(SetAnalysisContext context)
    {
        var seen = new Dictionary<(string Group, string Kind, string Namespace, string Name), KubeObject>();
        foreach (var item in context.Set.Objects)
        {
            if (item.Name is not { } name)
            {
                continue;
            }

            // Namespace-less objects are compared as written: two copies without a namespace land in the same one.
            var key = (item.Group, item.Kind, item.Namespace ?? string.Empty, name);
            if (!seen.TryAdd(key, item))
            {
                var first = seen[key];
                context.Report(Rule, item, item.Metadata.NameNode, item.Identity.Describe(), $"{first.FilePath}:{first.Metadata.NameNode!.Span.Line}");
            }
        }
    }
}
