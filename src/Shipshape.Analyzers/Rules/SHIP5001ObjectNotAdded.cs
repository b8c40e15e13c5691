using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers.Rules;

/// <summary>
/// A builder object that is built and then dropped: its value is discarded, or it is kept in a local that is
/// never passed anywhere (to <c>app.Add</c> or any other method), returned or stored. Synth would silently omit it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SHIP5001ObjectNotAdded : BuilderAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ObjectNotAdded,
        title: "Built object is never added to the app",
        messageFormat: "{0} is built but never added to an App, so Synth() will not write it: pass it to app.Add(...), or delete it",
        category: RuleCategories.Builder,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Only objects added to an App are linted and written; one that is built and dropped is usually a forgotten app.Add(...).",
        helpLinkUri: HelpLinks.For(RuleIds.ObjectNotAdded));

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    private protected override void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain)
    {
        var description = chain.ConstantName is null ? "This " + chain.Description : chain.Description;
        switch (chain.Top.Parent)
        {
            case ExpressionStatementSyntax:
                context.ReportDiagnostic(Diagnostic.Create(Rule, chain.Top.GetLocation(), description));
                break;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax
                && context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is ILocalSymbol local
                && !IsUsed(local, declarator, chain.Type, context.SemanticModel, context.CancellationToken):
                context.ReportDiagnostic(Diagnostic.Create(Rule, declarator.Identifier.GetLocation(), description));
                break;
        }
    }

    /// <summary>
    /// True when some reference to <paramref name="local"/> hands the object on: as an argument, a returned or
    /// assigned value, an element. Calls on it that return the same object count through their result
    /// (<c>app.Add(web.Replicas(2))</c>); other calls (<c>web.ExposeViaService()</c>) do not add it.
    /// </summary>
    private static bool IsUsed(ILocalSymbol local, VariableDeclaratorSyntax declarator, ITypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var reference in FluentChain.References(local, declarator, model, cancellationToken))
        {
            var value = FluentChain.Follow(reference, type, model, cancellationToken).Top;
            var handedOn = value.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression != value,
                ExpressionStatementSyntax => false,
                AssignmentExpressionSyntax assignment => assignment.Right == value,
                _ => true,
            };
            if (handedOn)
            {
                return true;
            }
        }

        return false;
    }
}
