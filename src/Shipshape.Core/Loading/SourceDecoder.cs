using System.Buffers;
using System.Text;

namespace Shipshape.Core.Loading;

/// <summary>
/// Turns a file's bytes into text the way YAML requires: UTF-8, or UTF-16/UTF-32 when a byte order mark says
/// so. Binary content and invalid UTF-8 are refused with the position of the first offending byte, rather than
/// decoded into replacement characters that would surface later as baffling syntax errors.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>How far into a file without a byte order mark a NUL byte marks it as binary.</summary>
    private const int BinaryProbeLength = 8192;

    /// <summary>How much of a file is read at a time when it is decoded as it is read (at least <see cref="BinaryProbeLength"/>).</summary>
    private const int ChunkLength = 64 * 1024;

    /// <summary>
    /// Decodes the first <paramref name="length"/> bytes of <paramref name="stream"/> as they are read, a chunk at a
    /// time, into a buffer from <see cref="FileBuffers"/> that the caller returns: no array ever holds the whole file's
    /// bytes beside its text (for a CustomResourceDefinition of 2 MB, 2 MB less at once, and less for the GC to clear).
    /// On invalid text, <paramref name="problemOffset"/> is the offset in bytes of the first offending byte.
    /// </summary>
    internal static bool TryDecodeStream(Stream stream, int length, out char[] chars, out int charCount, out string problem, out long problemOffset)
    {
        chars = [];
        charCount = 0;
        problem = string.Empty;
        problemOffset = 0;
        var chunk = ArrayPool<byte>.Shared.Rent(Math.Min(ChunkLength, Math.Max(length, 4)));
        long chunkOffset = 0;
        var start = 0;
        Encoding? encoding = null;
        try
        {
            var filled = Fill(stream, chunk, Math.Min(chunk.Length, length));
            var bomLength = 0;
            (encoding, bomLength) = DetectByteOrderMark(chunk.AsSpan(0, filled));
            if (encoding is null && FirstNulByte(chunk.AsSpan(0, filled)) is var nul and >= 0)
            {
                problem = BinaryProblem;
                problemOffset = nul;
                return false;
            }

            // No encoding makes more characters than it was given bytes, so the file's length is room enough.
            var decoder = (encoding ?? StrictUtf8).GetDecoder();
            chars = FileBuffers.Rent(length);
            start = bomLength;
            long read = filled;
            while (true)
            {
                var last = filled < chunk.Length || read >= length;
                charCount += decoder.GetChars(chunk, start, filled - start, chars, charCount, flush: last);
                if (last)
                {
                    return true;
                }

                chunkOffset += filled;
                start = 0;
                filled = Fill(stream, chunk, (int)Math.Min(chunk.Length, length - read));
                read += filled;
            }
        }
        catch (DecoderFallbackException exception)
        {
            if (chars.Length > 0)
            {
                FileBuffers.Return(chars);
                chars = [];
            }

            charCount = 0;
            problemOffset = chunkOffset + start + Math.Max(exception.Index, 0);
            problem = InvalidTextProblem(encoding);
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Reads until <paramref name="count"/> bytes are in <paramref name="buffer"/> or the stream ends.</summary>
    private static int Fill(Stream stream, byte[] buffer, int count)
    {
        var filled = 0;
        int read;
        while (filled < count && (read = stream.Read(buffer, filled, count - filled)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>Decodes bytes already in hand (standard input, tests) into a string.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string problem, out int problemOffset)
    {
        text = string.Empty;
        problem = string.Empty;
        problemOffset = 0;
        var (encoding, bomLength) = DetectByteOrderMark(bytes);
        if (encoding is null && FirstNulByte(bytes) is var nul and >= 0)
        {
            problem = BinaryProblem;
            problemOffset = nul;
            return false;
        }

        try
        {
            text = (encoding ?? StrictUtf8).GetString(bytes[bomLength..]);
            return true;
        }
        catch (DecoderFallbackException exception)
        {
            problemOffset = bomLength + Math.Max(exception.Index, 0);
            problem = InvalidTextProblem(encoding);
            return false;
        }
    }

    /// <summary>Where a NUL byte within the first <see cref="BinaryProbeLength"/> bytes marks a file without a byte order mark as binary, or -1.</summary>
    private static int FirstNulByte(ReadOnlySpan<byte> head) => head[..Math.Min(head.Length, BinaryProbeLength)].IndexOf((byte)0);

    private const string BinaryProblem = "the file is binary (it contains a NUL byte), not YAML or JSON text";

    private static string InvalidTextProblem(Encoding? encoding) => encoding is null or UTF8Encoding
        ? "the file is not valid UTF-8 (save it as UTF-8, or as UTF-16 with a byte order mark)"
        : $"the file is not valid {encoding.WebName} although its byte order mark says so";

    /// <summary>The 1-based line and column of byte <paramref name="offset"/>, counting columns in bytes.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static (Encoding? Encoding, int BomLength) DetectByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => (null, 0),
    };
}
