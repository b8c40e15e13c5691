using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>A constant <c>.Name("...")</c> that the API server would reject (not a DNS-1123 name).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP4013InvalidObjectName : BuilderCallAnalyzer
{
    /// <summary>The diagnostic property holding the nearest valid name, for the code fix.</summary>
    public const string SuggestionProperty = "Suggestion";

    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InvalidObjectName,
        title: "Object name is not a valid DNS name",
        messageFormat: "'{0}' is not a valid {1} name: use {2}{3}",
        category: RuleCategories.Reliability,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.InvalidObjectName),
        isEnabledByDefault: true,
        description: "Object and container names must be DNS-1123 names: lowercase letters, digits and '-', alphanumeric at both ends.",
        helpLinkUri: HelpLinks.For(RuleIds.InvalidObjectName));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeCall(OperationAnalysisContext context, BuilderTypes types, FluentCall call)
    {
        var owner = call.Operation.TargetMethod.ReturnType;
        var isContainer = SymbolEqualityComparer.Default.Equals(owner, types.Container);
        if (call.Name != "Name" || !(isContainer || types.IsResource(owner))
            || call.Argument("name") is not { } argument || FluentCall.Constant(argument) is not string name)
        {
            return;
        }

        // Containers, Services and Namespaces become DNS labels (a Service's name is a host name part); other objects may use dots.
        var labelOnly = isContainer || owner.Name is "Service" or "Namespace";
        if (labelOnly ? KubernetesNames.IsLabelName(name) : KubernetesNames.IsSubdomainName(name))
        {
            return;
        }

        var kind = isContainer ? "container" : owner.Name;
        var rules = labelOnly
            ? "at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"
            : "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
        var suggestion = KubernetesNames.Suggest(name, allowDots: !labelOnly);
        var properties = suggestion is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
        context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Syntax.GetLocation(), properties, name, kind, rules, suggestion is null ? "" : $", such as '{suggestion}'"));
    }
}
