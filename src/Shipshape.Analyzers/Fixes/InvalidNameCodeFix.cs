using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Fixes;

/// <summary>SHIP4013: replaces an invalid name literal with the nearest valid one ("Echo_Server" → "echo-server").</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidNameCodeFix))]
[Shared]
public sealed class InvalidNameCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [RuleIds.InvalidObjectName];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SHIP4013InvalidObjectName.SuggestionProperty, out var suggestion) || suggestion is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    title: $"Rename to '{suggestion}'",
                    createChangedDocument: _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    equivalenceKey: nameof(InvalidNameCodeFix)),
                diagnostic);
        }
    }
}
