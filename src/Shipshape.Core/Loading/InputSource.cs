using Shipshape.Core.Analysis;
using Shipshape.Core.Loading.FileSystem;
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
    private readonly Func<Stream>? _openStream;
    private readonly string? _unreadable;

    private InputSource(string path, string? text = null, byte[]? bytes = null, Func<Stream>? openStream = null, string? unreadable = null)
    {
        Path = path;
        _text = text;
        _bytes = bytes;
        _openStream = openStream;
        _unreadable = unreadable;
    }

    public string Path { get; }

    /// <summary>True when the input is a file on disk, which can be read again; false for text, bytes or a stream in hand.</summary>
    public bool IsFile => _text is null && _bytes is null && _openStream is null && _unreadable is null;

    /// <summary>
    /// True for a file found by walking a directory rather than named: such a file may turn out not to be a manifest
    /// (no apiVersion and no kind) or not a regular file, and is then skipped and counted instead of reported.
    /// </summary>
    public bool IsDiscovered { get; private init; }

    public static InputSource FromFile(string path) => new(path);

    public static InputSource FromDiscoveredFile(string path) => new(path) { IsDiscovered = true };

    public static InputSource FromText(string path, string text) => new(path, text);

    public static InputSource FromBytes(string path, byte[] bytes) => new(path, bytes: bytes);

    /// <summary>A stream read once, in blocks, up to the size limit (standard input).</summary>
    public static InputSource FromStream(string path, Func<Stream> open) => new(path, openStream: open);

    /// <summary>Something that could not be read (a directory a walk met): reading it gives SHIP0006 with <paramref name="reason"/>.</summary>
    public static InputSource Unreadable(string path, string reason) => new(path, unreadable: reason);

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

        if (_unreadable is not null)
        {
            return Problem(SHIP0006UnreadableFile.Rule, 1, 1, _unreadable);
        }

        if (_openStream is not null)
        {
            return ReadStream(limits);
        }

        // Files are decoded as they are read, into a pooled buffer (FileBuffers): a run over thousands of files then
        // allocates only their trees. Only a regular file is opened (FileGate): a FIFO would block, a device never end.
        try
        {
            using var stream = FileGate.OpenRegularFile(Path, out var length);
            if (length > limits.MaxFileBytes || length > int.MaxValue)
            {
                return Problem(SHIP0004InputLimitExceeded.Rule, 1, 1, $"the file has {length:N0} bytes, more than the limit of {limits.MaxFileBytes:N0}");
            }

            if (SourceDecoder.TryDecodeStream(stream, (int)length, out var chars, out var count, out var reason, out var offset))
            {
                return new ReadResult(new SourceFile(Path, chars, count) { IsDiscovered = IsDiscovered }, null);
            }

            // Rare: read the file again to say on which line and column its text goes wrong.
            var (line, column) = SourceDecoder.Position(File.ReadAllBytes(Path), (int)offset);
            return Problem(SHIP0006UnreadableFile.Rule, line, column, reason);
        }
        catch (InputException) when (IsDiscovered)
        {
            // A FIFO, socket or device found by a walk is not a manifest: skipped like one, never opened.
            return new ReadResult(new SourceFile(Path, string.Empty) { IsDiscovered = true }, null);
        }
        catch (InputException)
        {
            return Problem(SHIP0006UnreadableFile.Rule, 1, 1, "it is not a regular file (a FIFO, socket or device), so it was not opened");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Problem(SHIP0006UnreadableFile.Rule, 1, 1, $"the file cannot be read: {exception.Message}");
        }
    }

    /// <summary>Standard input: read a block at a time and given up past the size limit, so gigabytes piped in never fill memory.</summary>
    private ReadResult ReadStream(LoaderLimits limits)
    {
        byte[]? bytes;
        try
        {
            using var stream = _openStream!();
            bytes = FileGate.ReadCapped(stream, limits.MaxFileBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Problem(SHIP0006UnreadableFile.Rule, 1, 1, $"the input cannot be read: {exception.Message}");
        }

        return bytes is null
            ? Problem(SHIP0004InputLimitExceeded.Rule, 1, 1, $"the input has more than the limit of {limits.MaxFileBytes:N0} bytes; it was not read further")
            : Decode(bytes, limits);
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
