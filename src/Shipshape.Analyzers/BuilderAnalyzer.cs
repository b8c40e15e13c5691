using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers;

/// <summary>
/// The shape every object-level builder analyzer shares: in compilations that use Shipshape.Builder, visit each
/// <c>new X()</c> of a builder object and hand over the fluent chain that builds it.
/// </summary>
public abstract class BuilderAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (BuilderTypes.From(start.Compilation) is not { } types)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(
                node =>
                {
                    var creation = (BaseObjectCreationExpressionSyntax)node.Node;
                    if (node.SemanticModel.GetTypeInfo(creation, node.CancellationToken).Type is { } type && types.IsResource(type))
                    {
                        AnalyzeObject(node, types, FluentChain.Follow(creation, type, node.SemanticModel, node.CancellationToken));
                    }
                },
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        });
    }

    /// <summary>Checks one builder object, written as <paramref name="chain"/>.</summary>
    private protected abstract void AnalyzeObject(SyntaxNodeAnalysisContext context, BuilderTypes types, FluentChain chain);
}
