using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Shipshape.Builder.Tests;

/// <summary>Compiles the program `generate csharp` wrote, in memory, and runs its <c>Manifests.Build()</c>.</summary>
internal static class GeneratedProgram
{
    /// <param name="code">The program, and any further source files it needs (generated classes).</param>
    public static App CompileAndBuild(params string[] code)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = Directory.EnumerateFiles(framework, "*.dll")
            .Concat([typeof(App).Assembly.Location, typeof(Core.Engine.LintEngine).Assembly.Location])
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Generated",
            code.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + string.Join("\n", code));

        var context = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            image.Position = 0;
            var build = context.LoadFromStream(image).GetType("Manifests")!.GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!;
            return (App)build.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
