using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Fixes;

/// <summary>SHIP4013: replaces an invalid name literal with the nearest valid one ("Echo_Server" → "echo-server").</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidNameCodeFix))]
[Shared]
public sealed class InvalidNameCodeFix : ReplaceNodeCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds => [RuleIds.InvalidObjectName];

    private protected override NodeReplacement? Replace(Diagnostic diagnostic, SyntaxNode reported)
    {
        if (!diagnostic.Properties.TryGetValue(SHIP4013InvalidObjectName.SuggestionProperty, out var suggestion) || suggestion is null
            || reported is not LiteralExpressionSyntax literal)
        {
            return null;
        }

        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
        return new NodeReplacement(literal, replacement, $"Rename to '{suggestion}'");
    }
}
