using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>Two containers (or init containers) of one pod get the same constant name.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP2006DuplicateContainerName : BuilderAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DuplicateContainerName,
        title: "Duplicate container name in a pod",
        messageFormat: "Container name '{0}' is already used on line {1} in this pod; the API server rejects the object: give each container its own name",
        category: RuleCategories.Consistency,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.DuplicateContainerName),
        isEnabledByDefault: true,
        description: "Container names identify containers in logs, exec and status; the API server rejects a pod with two containers of one name.",
        helpLinkUri: HelpLinks.For(RuleIds.DuplicateContainerName));

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        if (!BuilderTypes.IsPodResource(chain.Type))
        {
            return;
        }

        var containers = chain.Inline("InitContainer", "container", context.SemanticModel, context.CancellationToken)
            .Concat(chain.Inline("Container", "container", context.SemanticModel, context.CancellationToken))
            .OrderBy(c => c.Top.SpanStart);
        var seen = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var nameArgument = container.CallsNamed("Name").Select(c => c.Argument("name")).LastOrDefault();
            if (nameArgument is null || FluentCall.Constant(nameArgument) is not string name)
            {
                continue;
            }

            var location = nameArgument.Syntax.GetLocation();
            if (seen.TryGetValue(name, out var first))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, name, first.GetLineSpan().StartLinePosition.Line + 1));
            }
            else
            {
                seen[name] = location;
            }
        }
    }
}
