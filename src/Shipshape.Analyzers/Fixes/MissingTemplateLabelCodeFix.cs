using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Fixes;

/// <summary>SHIP2001: a selector label the template lacks is added to the template, right after the selector call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingTemplateLabelCodeFix))]
[Shared]
public sealed class MissingTemplateLabelCodeFix : ReplaceNodeCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds => [RuleIds.WorkloadSelectorMismatch];

    private protected override NodeReplacement? Replace(Diagnostic diagnostic, SyntaxNode reported)
    {
        if (!diagnostic.Properties.TryGetValue(SHIP2001WorkloadSelectorMismatch.KeyProperty, out var key) || key is null
            || !diagnostic.Properties.TryGetValue(SHIP2001WorkloadSelectorMismatch.ValueProperty, out var value) || value is null
            || reported.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } selector)
        {
            return null;
        }

        var templateLabel = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, selector.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("TemplateLabel")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList([StringArgument(key), StringArgument(value)])))
            .WithTrailingTrivia(selector.GetTrailingTrivia());
        return new NodeReplacement(selector, templateLabel, $"Add template label {key}={value}");
    }

    private static ArgumentSyntax StringArgument(string text) =>
        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)));
}
