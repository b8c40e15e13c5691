using Microsoft.CodeAnalysis.Diagnostics;

namespace Shipshape.Analyzers;

/// <summary>
/// What every builder analyzer shares: it runs concurrently, skips generated code, and registers its actions only in
/// compilations that reference Shipshape.Builder.
/// </summary>
public abstract class BuilderCodeAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (BuilderTypes.From(start.Compilation) is { } types)
            {
                Register(start, types);
            }
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext start, BuilderTypes types);
}
