using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Shipshape.Analyzers;

/// <summary>A builder analyzer that looks at each method call on its own (<c>.Name("Echo_Server")</c>, <c>.Image("nginx")</c>), wherever it is written.</summary>
public abstract class BuilderCallAnalyzer : BuilderCodeAnalyzer
{
    private protected sealed override void Register(CompilationStartAnalysisContext start, BuilderTypes types) =>
        start.RegisterOperationAction(
            operation => AnalyzeCall(operation, types, new FluentCall((IInvocationOperation)operation.Operation)),
            OperationKind.Invocation);

    /// <summary>Checks one call; most analyzers look only at calls of one builder method.</summary>
    private protected abstract void AnalyzeCall(OperationAnalysisContext context, BuilderTypes types, FluentCall call);
}
