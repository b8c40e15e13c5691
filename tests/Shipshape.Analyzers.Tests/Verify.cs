using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Shipshape.Analyzers.Tests;

/// <summary>
/// Analyzer and code-fix tests whose compilations reference this runtime's own framework assemblies plus
/// Shipshape.Builder and Shipshape.Core: nothing is downloaded at test time (the framework's default
/// reference assemblies would be fetched from NuGet).
/// </summary>
public static class Verify
{
    public static Task Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() => Analyzer<TAnalyzer>(source, editorConfig: null, expected);

    /// <summary>Runs the analyzer with <paramref name="editorConfig"/> as the .editorconfig at the root of the test project (the test code is /0/Test0.cs).</summary>
    public static Task Analyzer<TAnalyzer>(string source, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new BuildSeverityAnalyzerTest<TAnalyzer> { TestCode = source };
        LocalReferences.Apply(test.TestState);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    public static Task CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        LocalReferences.Apply(test.TestState);
        LocalReferences.Apply(test.FixedState);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>
/// An analyzer test whose severities come out as in a real build. Analyzer.Testing enables the tested IDs by setting
/// them to <see cref="ReportDiagnostic.Default"/> in the compilation options, which Roslyn reads as
/// <c>/warnaserror-:ID</c>: .editorconfig could then lower a severity but never raise it to an error. The Shipshape
/// rules are enabled by default, so they need no such option.
/// </summary>
internal sealed class BuildSeverityAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    protected override Project ApplyCompilationOptions(Project project)
    {
        var configured = base.ApplyCompilationOptions(project);
        var options = configured.CompilationOptions!;
        var testedIds = GetDiagnosticAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id);
        return configured.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(testedIds)));
    }
}

internal static class LocalReferences
{
    /// <summary>No reference-assembly package: the test state's references are all local files.</summary>
    private static readonly ReferenceAssemblies None = new("net10.0");

    private static readonly ImmutableArray<MetadataReference> References = Load();

    /// <summary>Test code is written as top-level statements, like a builder program's Program.cs.</summary>
    public static void Apply(SolutionState state)
    {
        state.OutputKind = OutputKind.ConsoleApplication;
        state.ReferenceAssemblies = None;
        state.AdditionalReferences.AddRange(References);
    }

    /// <summary>The running runtime's framework assemblies (its folder holds only managed .dll files), then the builder and the engine.</summary>
    private static ImmutableArray<MetadataReference> Load()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var files = Directory.EnumerateFiles(framework, "*.dll")
            .Concat([typeof(Shipshape.Builder.App).Assembly.Location, typeof(Shipshape.Core.Engine.LintEngine).Assembly.Location])
            .Order(StringComparer.Ordinal);
        return [.. files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))];
    }
}
