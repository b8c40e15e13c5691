using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>A constant label key or value (in <c>.Label</c>, <c>.TemplateLabel</c> or <c>.Selector</c>) that the API server would reject.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP4014InvalidLabel : BuilderCallAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InvalidLabel,
        title: "Label key or value is not valid",
        messageFormat: "Label {0} '{1}' is not valid: {2}",
        category: RuleCategories.Reliability,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.InvalidLabel),
        isEnabledByDefault: true,
        description: "Label keys are an optional DNS subdomain prefix and '/' and a name; names and values hold at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends.",
        helpLinkUri: HelpLinks.For(RuleIds.InvalidLabel));

    private static readonly ImmutableHashSet<string> LabelMethods = ["Label", "TemplateLabel", "Selector"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeCall(OperationAnalysisContext context, BuilderTypes types, FluentCall call)
    {
        if (!LabelMethods.Contains(call.Name) || !types.IsResource(call.Operation.TargetMethod.ReturnType))
        {
            return;
        }

        if (call.Argument("key") is { } keyArgument && FluentCall.Constant(keyArgument) is string key && KubernetesNames.LabelKeyProblem(key) is { } keyProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, keyArgument.Syntax.GetLocation(), "key", key, keyProblem));
        }

        if (call.Argument("value") is { } valueArgument && FluentCall.Constant(valueArgument) is string value && KubernetesNames.LabelValueProblem(value) is { } valueProblem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, valueArgument.Syntax.GetLocation(), "value", value, "it " + valueProblem));
        }
    }
}
