using System.Text;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests.Loading;

/// <summary>
/// A large stream of documents is cut at its <c>---</c> lines and read a segment at a time, on several threads when
/// it is linted alone: the documents, their numbers, every position and every finding must be exactly those of one
/// reader over the whole text.
/// </summary>
public sealed class ParallelLoadTests
{
    /// <summary>
    /// Documents with what crosses segment boundaries in a reader's state: block scalars that keep trailing lines,
    /// quoted and folded scalars, comments, empty documents, end markers, markers with comments, a duplicate key.
    /// </summary>
    private static string Stream(int documents)
    {
        var text = new StringBuilder("# a stream rendered by a chart\n");
        for (var i = 0; i < documents; i++)
        {
            text.Append(i % 7 == 3 ? "--- # next\n" : "---\n");
            switch (i % 5)
            {
                case 0:
                    text.Append($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-{i}\ndata:\n  script: |+\n    echo {i}\n\n  note: >-\n    folded\n    text\n");
                    break;
                case 1:
                    text.Append($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-{i}\n  labels: {{app: web-{i}}}\nspec:\n  selector:\n    matchLabels:\n      app: web-{i}\n  template:\n    metadata:\n      labels:\n        app: web-{i}\n    spec:\n      containers:\n      - name: web\n        image: \"nginx:1.{i}\"\n        args: ['-c', 'it''s']\n        ports:\n        - containerPort: 80\n");
                    break;
                case 2:
                    text.Append("# only a comment: an empty document\n");
                    break;
                case 3:
                    text.Append($"apiVersion: v1\nkind: Service\nmetadata:\n  name: web-{i}\n  name: twice-{i}\nspec:\n  selector:\n    app: web-{i - 2}\n  ports:\n  - port: 80\n...\n");
                    break;
                default:
                    text.Append($"apiVersion: v1\nkind: Secret\nmetadata:\n  name: \"secret-{i}\"\nstringData:\n  key: 'multi\n    line'\n");
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Documents in the stream: more than a megabyte of text, of which one in five is empty and one in five has a duplicate key.</summary>
    private const int Count = 8000;

    private static LoadedFile Load(string text, int threads) => new YamlLoader(LoaderLimits.Default, threads).Load(new SourceFile("stream.yaml", text));

    /// <summary>The reference: one reader over the whole text.</summary>
    private static LoadedFile Whole(string text) => new YamlLoader(LoaderLimits.Default).LoadWhole(new SourceFile("stream.yaml", text));

    [Fact]
    public void A_large_stream_is_read_in_segments_that_the_block_reader_accepts()
    {
        var text = Stream(Count).ToCharArray();
        Assert.True(text.Length >= YamlLoader.MinLengthToReadInSegments);

        var segments = BlockYamlReader.SplitAtDocumentMarkers(text, new BlockYamlReader.TextSegment(0, text.Length, 1), 8);

        Assert.NotNull(segments);
        Assert.InRange(segments.Count, 8, 9);
        Assert.Equal(0, segments[0].Start);
        Assert.Equal(text.Length, segments[^1].End);
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].End, segments[i].Start);
            Assert.Equal("---", new string(text, segments[i].Start, 3));
            Assert.Equal(text.AsSpan(0, segments[i].Start).Count('\n') + 1, segments[i].FirstLine);
            var documents = new List<ManifestDocument>();
            Assert.True(BlockYamlReader.TryReadSegment(text, segments[i], new YamlLoader.DocumentBuilder(new SourceFile("stream.yaml", new string(text)), LoaderLimits.Default, 0, documents, []), 512));
            Assert.NotEmpty(documents);
        }
    }

    [Fact]
    public void Documents_positions_and_findings_are_those_of_one_reader()
    {
        var text = Stream(Count);

        var one = Whole(text);
        var four = Load(text, threads: 4);

        Assert.Equal(Count * 4 / 5, four.Documents.Count);
        Assert.Equal(Enumerable.Range(0, Count * 4 / 5), four.Documents.Select(d => d.Index));
        Assert.Equal(Count / 5, four.Diagnostics.Count(d => d.Id == "SHIP0002"));
        Assert.Equal(LoadedFileDescription.Describe(one), LoadedFileDescription.Describe(four));
    }

    [Theory]
    [InlineData("---\na: &x 1\nb: *x\n", 1)]
    [InlineData("---\nnote: >\n  folded\n    more indented\n  back\n", 1)]
    [InlineData("---\r\na: 1\r\nb: |\r\n  x\r\n", 1)]
    [InlineData("---\na: 1\na: 2\nb: &x 1\nc: *x\n", 1)]
    [InlineData("---\na: 1\n...\nb: &x 1\nc: *x\n", 1)]
    [InlineData("---\na: [unclosed\n---\nb: 1\n", 1)]
    [InlineData("---\n? complex\n: key\n", 1)]
    public void A_document_outside_the_block_readers_subset_reads_as_one_reader_reads_it(string last, int documents)
    {
        // In the last segment: an anchor, a folded scalar with more-indented lines or CRLF line ends, after a duplicate
        // key or a whole document that the block reader has already read (SharpYaml reads that document), a syntax
        // error or a complex key (SharpYaml reads the whole file, as one reader would).
        var text = Stream(Count) + last;

        var one = Whole(text);
        var four = Load(text, threads: 4);

        Assert.Equal((Count * 4 / 5) + documents, four.Documents.Count);
        Assert.Equal(LoadedFileDescription.Describe(one), LoadedFileDescription.Describe(four));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void A_line_break_the_parser_counts_in_an_early_segment_moves_the_later_lines_as_in_one_reader(string lineBreak)
    {
        // SharpYaml reads YAML 1.1, where a lone CR, NEL and the line and paragraph separators end lines too: the
        // segments after this first document must start on the lines one reader gives them (found by the fuzzer).
        var text = "---\nfirst: 1" + lineBreak + "second: 2\n" + Stream(Count);

        var one = Whole(text);
        var four = Load(text, threads: 4);

        Assert.Equal(LoadedFileDescription.Describe(one), LoadedFileDescription.Describe(four));
    }

    [Fact]
    public void Every_multi_document_manifest_we_have_reads_the_same_in_segments()
    {
        var files = new[] { RepositoryPaths.Corpus, RepositoryPaths.Fixtures, Path.Combine(RepositoryPaths.Root, "examples") }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Where(file => file.Text.Split('\n').Count(line => line.StartsWith("---", StringComparison.Ordinal)) >= 2)
            .ToList();
        Assert.True(files.Count >= 30, $"only {files.Count} multi-document files");

        foreach (var (path, text) in files)
        {
            var one = new YamlLoader(LoaderLimits.Default).LoadWhole(new SourceFile(path, text));
            var segmented = new YamlLoader(LoaderLimits.Default, blockReaderFirst: true, threads: 4, minLengthToReadInSegments: 0).Load(new SourceFile(path, text));
            Assert.True(LoadedFileDescription.Describe(one) == LoadedFileDescription.Describe(segmented), path);
        }
    }

    [Fact]
    public void A_large_single_file_gives_the_same_report_on_one_thread_and_on_four()
    {
        // Read and checked a segment at a time on four threads: whole-set rules still see every object (the duplicate
        // of the first ConfigMap at the end, Services selecting pods of other segments), comment directives still
        // apply, and documents are numbered through the file.
        var text = Stream(Count) + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  # shipshape-disable-next-line SHIP2007 -- kept on purpose\n  name: config-0\n"
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-5\n";
        var input = InputSource.FromText("stream.yaml", text);
        var lastDuplicate = text[..text.LastIndexOf("  name: twice-", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        // Uncapped, so that every duplicate key is compared (FindingCaps has tests of its own).
        var one = new LintEngine(new LintOptions { Threads = 1, MaxFindingsPerRule = 0 }).Run([input]);
        var four = new LintEngine(new LintOptions { Threads = 4, MaxFindingsPerRule = 0 }).Run([input]);

        Assert.Equal((Count * 4 / 5) + 2, four.Summary.Resources);
        Assert.Equal(one.Diagnostics.Select(d => $"{d} {d.Suppression} {d.Object?.Document.Index}"), four.Diagnostics.Select(d => $"{d} {d.Suppression} {d.Object?.Document.Index}"));
        Assert.Equal(Count / 5, four.Findings("SHIP0002").Length);
        Assert.Equal($"SHIP0002@{lastDuplicate}:3", four.Findings("SHIP0002")[^1]);
        Assert.Equal(["SHIP2007@" + (text.Split('\n').Length - 1) + ":9"], four.Findings("SHIP2007"));
        Assert.Equal((Count * 4 / 5) + 1, four.Active.Single(d => d.Id == "SHIP2007").Object!.Document.Index);
        Assert.Equal(1, four.Summary.Suppressed);
    }
}
