using Shipshape.Core.Analysis;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Loading;

/// <summary>A problem with what the user asked to read (a missing path): exit code 2, not a finding.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A file's text, or the located finding that explains why it has none.</summary>
public readonly record struct ReadResult(SourceFile? File, Diagnostic? Problem);

/// <summary>One thing to lint: a file on disk, or bytes or text already in hand (standard input, tests, the builder).</summary>
public sealed class InputSource
{
    private readonly string? _text;
    private readonly byte[]? _bytes;

    private InputSource(string path, string? text, byte[]? bytes)
    {
        Path = path;
        _text = text;
        _bytes = bytes;
    }

    public string Path { get; }

    /// <summary>True when the input is a file on disk, which can be read again; false for text or bytes in hand.</summary>
    public bool IsFile => _text is null && _bytes is null;

    public static InputSource FromFile(string path) => new(path, null, null);

    public static InputSource FromText(string path, string text) => new(path, text, null);

    public static InputSource FromBytes(string path, byte[] bytes) => new(path, null, bytes);

    /// <summary>
    /// Reads and decodes the input. A file that cannot be read (permissions, a broken link), is too large, is binary
    /// or is not valid text gives a located finding instead, so one bad file never stops the others from being checked.
    /// </summary>
    public ReadResult Read(LoaderLimits limits)
    {
        if (_text is not null)
        {
            return new ReadResult(new SourceFile(Path, _text), null);
        }

        if (_bytes is not null)
        {
            return Decode(_bytes, limits);
        }

        // Files are decoded as they are read, into a pooled buffer (FileBuffers): a run over thousands of files then
        // allocates only their trees.
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > limits.MaxFileBytes || length > int.MaxValue)
            {
                return Problem(SHIP0004InputLimitExceeded.Rule, 1, 1, $"the file has {length:N0} bytes, more than the limit of {limits.MaxFileBytes:N0}");
            }

            if (SourceDecoder.TryDecodeStream(stream, (int)length, out var chars, out var count, out var reason, out var offset))
            {
                return new ReadResult(new SourceFile(Path, chars, count), null);
            }

            // Rare: read the file again to say on which line and column its text goes wrong.
            var (line, column) = SourceDecoder.Position(File.ReadAllBytes(Path), (int)offset);
            return Problem(SHIP0006UnreadableFile.Rule, line, column, reason);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Problem(SHIP0006UnreadableFile.Rule, 1, 1, $"the file cannot be read: {exception.Message}");
        }
    }

    private ReadResult Decode(byte[] bytes, LoaderLimits limits)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            return Problem(SHIP0004InputLimitExceeded.Rule, 1, 1, $"the input has {bytes.Length:N0} bytes, more than the limit of {limits.MaxFileBytes:N0}");
        }

        // Decoded into a buffer, as a file is, rather than into a string: the readers take the buffer as it is, and a
        // string is made only if a report needs the text (the buffer is kept: bytes in hand cannot be read again).
        using var stream = new MemoryStream(bytes, writable: false);
        if (SourceDecoder.TryDecodeStream(stream, bytes.Length, out var chars, out var count, out var reason, out var offset))
        {
            return new ReadResult(new SourceFile(Path, chars, count), null);
        }

        var (line, column) = SourceDecoder.Position(bytes, (int)offset);
        return Problem(SHIP0006UnreadableFile.Rule, line, column, reason);
    }

    private ReadResult Problem(DiagnosticDescriptor descriptor, int line, int column, string reason) => new(null, new Diagnostic
    {
        Descriptor = descriptor,
        Severity = descriptor.DefaultSeverity,
        Message = descriptor.FormatMessage([reason]),
        FilePath = Path,
        Span = new SourceSpan(line, column, line, column + 1),
    });
}
