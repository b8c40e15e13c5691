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

    /// <summary>Runs the analyzer with a .globalconfig (the .editorconfig settings for the whole project) (severity settings).</summary>
    public static Task Analyzer<TAnalyzer>(string source, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        LocalReferences.Apply(test.TestState);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", editorConfig));
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
