using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Shipshape.Analyzers.Rules;

namespace Shipshape.Analyzers.Tests;

/// <summary>samples/Echo, as `dotnet build` compiles it, under every builder analyzer.</summary>
public sealed class EchoSampleTests
{
    [Fact]
    public Task The_sample_shows_exactly_its_one_intentional_warning()
    {
        var sample = Path.Combine(AnalyzerIds.RepositoryRoot, "samples", "Echo");
        var test = new AllAnalyzersTest();
        LocalReferences.Apply(test.TestState);
        foreach (var file in new[] { "Program.cs", "EchoApplication.cs" })
        {
            test.TestState.Sources.Add(("/0/" + file, File.ReadAllText(Path.Combine(sample, file))));
        }

        // What ImplicitUsings gives a console project of Microsoft.NET.Sdk.
        test.TestState.Sources.Add(("/0/GlobalUsings.g.cs", """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            """));

        // The ConfigMap built and never added, on purpose (Program.cs line 9, column 5: the local's name).
        test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerWarning("SHIP5001").WithSpan("/0/Program.cs", 9, 5, 9, 10).WithArguments("ConfigMap 'echo-debug'"));
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs all the analyzers of Shipshape.Analyzers together, as a build does.</summary>
    private sealed class AllAnalyzersTest : CSharpAnalyzerTest<SHIP5001ObjectNotAdded, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            typeof(RuleIds).Assembly.GetTypes()
                .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
    }
}
