using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers;

/// <summary>
/// A builder analyzer that looks at each builder object's expression (<c>new X().A().B()</c>) and gets the fluent
/// chain that builds it.
/// </summary>
public abstract class BuilderAnalyzer : BuilderCodeAnalyzer
{
    private protected sealed override void Register(CompilationStartAnalysisContext start, BuilderTypes types) =>
        start.RegisterSyntaxNodeAction(
            node => AnalyzeIfChainTop(node, types),
            SyntaxKind.InvocationExpression,
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression);

    /// <summary>
    /// Analyzes a builder object once, at the outermost node of the expression that builds it, so that its findings
    /// (inside the expression) are local to the analyzed node, as code fixes require. An object starts at its creation
    /// (<c>new Service()</c>) or at the intent helper that makes it (<c>web.ExposeViaService()</c>).
    /// </summary>
    private void AnalyzeIfChainTop(SyntaxNodeAnalysisContext node, BuilderTypes types)
    {
        if (FluentChain.Written((ExpressionSyntax)node.Node, types, node.SemanticModel, node.CancellationToken) is { } chain)
        {
            AnalyzeObject(node, types, chain);
        }
    }

    /// <summary>Checks one builder object, written as <paramref name="chain"/>.</summary>
    private protected abstract void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain);
}
