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

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string problem, out int problemOffset)
    {
        if (!TryDecodePooled(bytes, out var chars, out var length, out problem, out problemOffset))
        {
            text = string.Empty;
            return false;
        }

        text = new string(chars, 0, length);
        ArrayPool<char>.Shared.Return(chars);
        return true;
    }

    /// <summary>
    /// Decodes into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, which the caller returns: a run over
    /// thousands of files then reuses a few buffers instead of allocating (and zeroing) a string per file.
    /// </summary>
    internal static bool TryDecodePooled(ReadOnlySpan<byte> bytes, out char[] chars, out int length, out string problem, out int problemOffset)
    {
        chars = [];
        length = 0;
        problem = string.Empty;
        problemOffset = 0;
        var (encoding, bomLength) = DetectByteOrderMark(bytes);
        if (encoding is null)
        {
            var nul = bytes[..Math.Min(bytes.Length, BinaryProbeLength)].IndexOf((byte)0);
            if (nul >= 0)
            {
                problem = "the file is binary (it contains a NUL byte), not YAML or JSON text";
                problemOffset = nul;
                return false;
            }
        }

        try
        {
            var content = bytes[bomLength..];
            var decoder = encoding ?? StrictUtf8;
            var rented = ArrayPool<char>.Shared.Rent(decoder.GetCharCount(content));
            chars = rented;
            length = decoder.GetChars(content, rented);
            return true;
        }
        catch (DecoderFallbackException exception)
        {
            problemOffset = bomLength + Math.Max(exception.Index, 0);
            problem = encoding is null or UTF8Encoding
                ? "the file is not valid UTF-8 (save it as UTF-8, or as UTF-16 with a byte order mark)"
                : $"the file is not valid {encoding.WebName} although its byte order mark says so";
            return false;
        }
    }

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
