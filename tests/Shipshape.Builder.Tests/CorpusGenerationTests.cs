using Shipshape.Builder.Generation;
using Shipshape.Core.Loading;

namespace Shipshape.Builder.Tests;

/// <summary>
/// `generate csharp` on the manifests of public projects (shared/corpus/public): it succeeds on every file, and
/// for every tenth file the generated code, compiled together in one program and run, synthesizes the input's
/// objects back as the same data.
/// </summary>
public sealed class CorpusGenerationTests
{
    private const int SampleEvery = 10;

    public static TheoryData<string> CorpusFiles() => [.. Files()];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Generate_csharp_succeeds_on_the_file(string file)
    {
        var code = CSharpGenerator.Generate([Read(file)]);

        Assert.EndsWith("        return app;\n    }\n}\n", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_of_the_corpus_compiles_and_synthesizes_the_same_objects()
    {
        var sample = Files().Where((_, index) => index % SampleEvery == 0).Select(Read).ToArray();
        var expected = sample.SelectMany(file => ManifestData.Documents(file.Text).Select(document => (file.Path, Document: document))).ToArray();

        var app = GeneratedProgram.CompileAndBuild(CSharpGenerator.Generate(sample));
        var actual = ManifestData.Documents(app.ToYaml());

        Assert.Equal(expected.Length, actual.Count);
        var different = expected.Zip(actual, (input, output) => input.Document == output ? null : $"{input.Path}\n  input:  {input.Document}\n  output: {output}")
            .OfType<string>();
        Assert.Empty(different);
    }

    /// <summary>The corpus's manifests by path relative to it, in a stable order.</summary>
    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(TestPaths.PublicCorpus, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(TestPaths.PublicCorpus, path))
            .Order(StringComparer.Ordinal);

    private static SourceFile Read(string file) => new(file, File.ReadAllText(Path.Combine(TestPaths.PublicCorpus, file)));
}
