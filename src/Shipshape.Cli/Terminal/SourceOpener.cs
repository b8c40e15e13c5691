using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Cli.Terminal;

/// <summary>
/// Opens the text of a linted input again, for code frames. Files are read from disk; standard input cannot be read
/// twice, so the run keeps the bytes it read (they are held for the run anyway) and frames come from them.
/// </summary>
public sealed class SourceOpener(byte[]? standardInput)
{
    public static SourceOpener None { get; } = new(null);

    /// <summary>A reader of the input's text, or null when it cannot be read again (gone, unreadable, not a file).</summary>
    public TextReader? Open(string path)
    {
        if (path == SourceFile.StandardInputPath)
        {
            return standardInput is null ? null : Reader(new MemoryStream(standardInput, writable: false), standardInput.Length);
        }

        try
        {
            // Through the gate the loader read it by: only a regular file is opened (a pipe such as
            // `lint <(helm template ...)` or /dev/stdin would wait for a writer that never comes, a device read
            // something else), without a lock. An empty file has nothing to frame.
            var stream = FileGate.OpenRegularFile(path, out var length);
            if (length == 0)
            {
                stream.Dispose();
                return null;
            }

            return Reader(stream, length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InputException)
        {
            // The frame is left out; the finding itself is unaffected.
            return null;
        }
    }

    // Decoded as the loader decodes: a byte order mark picks UTF-8, -16 or -32, anything else is UTF-8; bytes that are
    // not valid text show as U+FFFD rather than stopping the report.
    // The buffer fits the file up to 8 KB: a one-file lint's buffers are fresh memory, cleared page by page.
    private static StreamReader Reader(Stream stream, long length) =>
        new(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true,
            bufferSize: (int)Math.Clamp(length, 128, 8192));
}
