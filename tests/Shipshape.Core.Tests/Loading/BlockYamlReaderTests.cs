using System.Text;
using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Tests.Loading;

/// <summary>
/// The block reader is a fast path in front of SharpYaml: wherever it reads a file, the result must be exactly
/// what SharpYaml makes of it, node by node, with the same positions and the same findings.
/// </summary>
public sealed class BlockYamlReaderTests
{
    public static TheoryData<string> CorpusFolders => new() { "seed", "public" };

    /// <summary>Every manifest we have: the corpus, the rule fixtures, the examples.</summary>
    private static IEnumerable<string> Manifests(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CorpusFolders))]
    public void Corpus_files_read_the_same_as_with_SharpYaml(string folder) =>
        AssertSameAsSharpYaml(Manifests(Path.Combine(RepositoryPaths.Corpus, folder)), minimumShare: 0.9);

    [Fact]
    public void Fixtures_and_examples_read_the_same_as_with_SharpYaml() =>
        AssertSameAsSharpYaml(Manifests(RepositoryPaths.Fixtures).Concat(Manifests(Path.Combine(RepositoryPaths.Root, "examples"))), minimumShare: 0.8);

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - y\n")]
    [InlineData("list:\n- a\n-\n- c: d\n  e: f\n")]
    [InlineData("k: plain text\n  that goes on\n\n  and on # comment\nnext: 1\n")]
    [InlineData("s: 'it''s\n  folded'\nd: \"esc \\t \\u00e9 \\x41\\\n  joined\"\n")]
    [InlineData("lit: |\n  one\n   two\n\n  three\n\nfold: >-\n  a\n  b\n\n  c\nkeep: |+\n  x\n\n")]
    [InlineData("flow: [a, \"b\", {c: d, e: [1, 2]}, {}]\nempty: {}\n")]
    [InlineData("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\"n\": [1, true, null]}\n}\n")]
    [InlineData("---\n# only a comment\n---\na: 1\n...\n---\nb: ~\n")]
    [InlineData("a: 1\nb: 0\na: 2\n")]
    [InlineData("key:\nother:\nlast:")]
    [InlineData("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: 'q\r\n  r'\r\n")]
    [InlineData("- - nested\n  - seq\n- x: |-\n    text\n  y: z")]
    public void Constructs_of_the_subset_read_the_same_as_with_SharpYaml(string yaml)
    {
        Assert.True(TryBlockRead(yaml, out _, out _));
        Assert.Equal(LoadedFileDescription.Describe(Load(yaml, blockReaderFirst: false)), LoadedFileDescription.Describe(Load(yaml, blockReaderFirst: true)));
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: 1\rb: 2\r")]
    [InlineData("a: \u0007bell\n")]
    [InlineData("a: |2\n   x\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: 'unterminated\n")]
    [InlineData("name: {{ .Values.name }}\n")]
    [InlineData("key:\nother: |\nlast:")]
    [InlineData("a: 1\n<<: {b: 3, a: 4}\n")]
    [InlineData("...\n")]
    [InlineData("a: 1\n...\nb: 2\n")]
    public void Constructs_outside_the_subset_are_left_to_SharpYaml(string yaml)
    {
        Assert.False(TryBlockRead(yaml, out _, out _));
        Assert.Equal(LoadedFileDescription.Describe(Load(yaml, blockReaderFirst: false)), LoadedFileDescription.Describe(Load(yaml, blockReaderFirst: true)));
    }

    /// <summary>Inputs on which the fuzzer found the two readers apart (now mended), and every other crash input.</summary>
    [Fact]
    public void Fuzz_regressions_read_the_same_as_with_SharpYaml()
    {
        var differences = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests", "Shipshape.Core.Tests", "Fuzz", "regressions")).Order(StringComparer.Ordinal))
        {
            if (!SourceDecoder.TryDecode(File.ReadAllBytes(path), out var text, out _, out _))
            {
                continue;
            }

            var expected = LoadedFileDescription.Describe(Load(text, blockReaderFirst: false));
            var actual = LoadedFileDescription.Describe(Load(text, blockReaderFirst: true));
            if (expected != actual)
            {
                differences.Add($"{Path.GetFileName(path)}: {FirstDifference(expected, actual)}");
            }
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    private static void AssertSameAsSharpYaml(IEnumerable<string> paths, double minimumShare)
    {
        var differences = new List<string>();
        var files = 0;
        var readByBlockReader = 0;
        foreach (var path in paths)
        {
            files++;
            var text = File.ReadAllText(path);
            if (!TryBlockRead(text, out var documents, out var diagnostics))
            {
                continue;
            }

            readByBlockReader++;
            var expected = LoadedFileDescription.Describe(Load(text, blockReaderFirst: false));
            var actual = LoadedFileDescription.Describe(new LoadedFile(new SourceFile("test.yaml", text), documents, diagnostics));
            if (expected != actual)
            {
                differences.Add($"{path}: {FirstDifference(expected, actual)}");
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} files differ:\n{string.Join('\n', differences.Take(15))}");
        Assert.True(readByBlockReader >= minimumShare * files, $"the block reader read only {readByBlockReader} of {files} files");
    }

    private static bool TryBlockRead(string text, out List<ManifestDocument> documents, out List<Diagnostic> diagnostics)
    {
        documents = [];
        diagnostics = [];
        var builder = new YamlLoader.DocumentBuilder(new SourceFile("test.yaml", text), LoaderLimits.Default, 0, documents, diagnostics);
        return BlockYamlReader.TryRead(text.ToCharArray(), text.Length, builder, LoaderLimits.Default.MaxDepth);
    }

    /// <summary>What the readers make of the text; the loader's later check for {{ }} placeholders in names is not theirs.</summary>
    private static LoadedFile Load(string text, bool blockReaderFirst) =>
        new YamlLoader(LoaderLimits.Default, blockReaderFirst).ReadWhole(new SourceFile("test.yaml", text));

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<none>";
            var a = i < actualLines.Length ? actualLines[i] : "<none>";
            if (e != a)
            {
                return $"SharpYaml «{e}» block reader «{a}»";
            }
        }

        return "equal";
    }
}
