using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Fixes;

/// <summary>SHIP2001: a selector label the template lacks is added to the template, right after the selector call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingTemplateLabelCodeFix))]
[Shared]
public sealed class MissingTemplateLabelCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [RuleIds.WorkloadSelectorMismatch];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SHIP2001WorkloadSelectorMismatch.KeyProperty, out var key) || key is null
                || !diagnostic.Properties.TryGetValue(SHIP2001WorkloadSelectorMismatch.ValueProperty, out var value) || value is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } selector)
            {
                continue;
            }

            var templateLabel = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, selector.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("TemplateLabel")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList([StringArgument(key), StringArgument(value)])))
                .WithTrailingTrivia(selector.GetTrailingTrivia());
            context.RegisterCodeFix(
                CodeAction.Create(
                    title: $"Add template label {key}={value}",
                    createChangedDocument: _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(selector, templateLabel))),
                    equivalenceKey: nameof(MissingTemplateLabelCodeFix)),
                diagnostic);
        }
    }

    private static ArgumentSyntax StringArgument(string text) =>
        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)));
}
