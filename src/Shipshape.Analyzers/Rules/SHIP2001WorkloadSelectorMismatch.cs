using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>A workload's constant <c>.Selector(key, value)</c> is not among its constant template labels.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP2001WorkloadSelectorMismatch : BuilderAnalyzer
{
    /// <summary>Diagnostic properties naming the label the template lacks, for the code fix that adds it.</summary>
    public const string KeyProperty = "Key";
    public const string ValueProperty = "Value";

    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.WorkloadSelectorMismatch,
        title: "Workload selector does not match its pod template labels",
        messageFormat: "Selector {0}={1} of {2} does not match the pod template, which has {3}; the API server rejects it: make the selector and .TemplateLabel(...) agree, or drop .Selector(...) to select the template labels",
        category: RuleCategories.Consistency,
        defaultSeverity: EngineRules.DefaultSeverity(RuleIds.WorkloadSelectorMismatch),
        isEnabledByDefault: true,
        description: "A Deployment or ReplicaSet must select its own pods: every selector label must be a label of the pod template.",
        helpLinkUri: HelpLinks.For(RuleIds.WorkloadSelectorMismatch));

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        if (!BuilderTypes.IsWorkload(chain.Type))
        {
            return;
        }

        var templateLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in chain.CallsNamed("TemplateLabel"))
        {
            if (label.ConstantString("key") is not { } key || label.ConstantString("value") is not { } value)
            {
                return; // A label computed at run time may be the one the selector needs.
            }

            templateLabels[key] = value;
        }

        foreach (var selector in chain.CallsNamed("Selector"))
        {
            if (selector.ConstantString("key") is not { } key || selector.ConstantString("value") is not { } value
                || (templateLabels.TryGetValue(key, out var templateValue) && templateValue == value))
            {
                continue;
            }

            var (where, has) = templateValue is null
                ? (selector.Argument("key")!, templateLabels.Count == 0 ? "no labels" : $"no '{key}' label")
                : (selector.Argument("value")!, $"{key}={templateValue}");
            var kind = chain.Description;

            // Only a label the template lacks has a clear fix; for a different value, either side may be the typo.
            var properties = templateValue is null
                ? ImmutableDictionary<string, string?>.Empty.Add(KeyProperty, key).Add(ValueProperty, value)
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Rule, where.Syntax.GetLocation(), properties, key, value, kind, has));
        }
    }
}
