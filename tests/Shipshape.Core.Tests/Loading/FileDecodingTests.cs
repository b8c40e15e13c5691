using System.Text;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests.Loading;

/// <summary>
/// Files on disk are decoded as they are read, 64 KB at a time, into buffers that are pooled up to 256 KB: what
/// crosses a chunk boundary (a character split between two reads, a bad byte far into the file) and what leaves the
/// pool (a large file) must read exactly as a whole-file decode would.
/// </summary>
public sealed class FileDecodingTests : IDisposable
{
    private const int Chunk = 64 * 1024;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "shipshape-decoding", Guid.NewGuid().ToString("N"));

    public FileDecodingTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A ConfigMap whose one value is <paramref name="value"/>, on line 5 after "  big: ".</summary>
    private static string ConfigMap(string value) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  big: {value}\n";

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static SourceFile Read(string path)
    {
        var (file, problem) = InputSource.FromFile(path).Read(new LoaderLimits());
        Assert.Null(problem);
        return file!;
    }

    [Theory]
    [InlineData(Chunk)]
    [InlineData(Chunk - 2)]
    [InlineData(Chunk - 3)]
    [InlineData(Chunk - 4)]
    public void A_character_split_between_two_reads_is_decoded_whole(int splitAt)
    {
        // 'é' (two bytes) starts at byte splitAt - 1 and '🚢' (four) right after it: at Chunk the first straddles the
        // boundary, at Chunk - 2, - 3 and - 4 the second does, with one, two or three of its bytes in the first read.
        var prefix = ConfigMap(string.Empty).TrimEnd('\n');
        var padding = new string('a', splitAt - 1 - Encoding.UTF8.GetByteCount(prefix));
        var text = ConfigMap(padding + "é🚢" + new string('b', 1000));
        var path = Write("split.yaml", Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, Read(path).Text);
        Assert.Empty(Lint.Files([path]).Findings("SHIP0006"));
    }

    [Fact]
    public void An_invalid_byte_far_into_the_file_is_located_at_its_line_and_column()
    {
        var lines = string.Concat(Enumerable.Range(0, 8000).Select(i => $"  key{i}: value-{i:D8}\n"));
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n" + lines + "  bad: ab");
        Assert.True(bytes.Length > 2 * Chunk);
        var path = Write("invalid.yaml", [.. bytes, 0xC3, 0x28, (byte)'\n']);

        var finding = Lint.Files([path]).Single("SHIP0006");
        Assert.Equal((8006, 10), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("not valid UTF-8", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_longer_than_a_chunk_reads_as_its_text()
    {
        var text = ConfigMap(new string('x', Chunk) + "ü");
        var path = Write("utf16.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        Assert.Equal(text, Read(path).Text);
    }

    [Fact]
    public void A_file_larger_than_the_pooled_buffers_reads_the_same_every_time()
    {
        var text = ConfigMap(string.Concat(Enumerable.Repeat("0123456789", 40_000)));
        var path = Write("large.yaml", Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, Read(path).Text);
        Assert.Equal(text, Read(path).Text);
        var report = Lint.Files([path]);
        Assert.Equal(1, report.Summary.Resources);
        Assert.Empty(report.Findings("SHIP0006"));
    }

    [Fact]
    public void A_large_file_read_into_the_buffer_of_a_larger_one_sees_only_its_own_text()
    {
        // One file at a time is analysed on the calling thread, so the second reuses the first's (larger) buffer.
        var larger = Write("larger.yaml", Encoding.UTF8.GetBytes(ConfigMap(new string('a', 500_000)) + "  tail: [unclosed\n"));
        var smaller = Write("smaller.yaml", Encoding.UTF8.GetBytes(ConfigMap(new string('b', 300_000)) + "  big: again\n"));

        Assert.Equal(["SHIP0001@7:9"], Lint.Files([larger]).Findings("SHIP0001"));
        Assert.Equal(["SHIP0002@7:3"], Lint.Files([smaller]).Findings().Where(f => f.StartsWith("SHIP000", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_nul_byte_in_the_first_8_KB_marks_a_file_on_disk_as_binary_at_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\n");
        var path = Write("binary.yaml", [.. bytes, (byte)'x', 0, (byte)'y']);

        var finding = Lint.Files([path]).Single("SHIP0006");
        Assert.Equal((3, 2), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("binary", finding.Message, StringComparison.Ordinal);
    }
}
