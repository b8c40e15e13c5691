using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shipshape.Cli.Output;

/// <summary>
/// Writes one indented JSON document to a text writer through <see cref="Utf8JsonWriter"/> (AOT-safe, byte-stable),
/// as it is written: a report of a quarter of a million findings is never held whole in memory.
/// </summary>
internal static class JsonText
{
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Messages quote names ('web') and arrows; keep them readable instead of \u0027-escaped. Still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> writeDocument)
    {
        using (var stream = new TextWriterStream(writer))
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            writeDocument(json);
        }

        writer.WriteLine();
    }

    /// <summary>Passes what is written so far on to the text writer; call between the items of long arrays.</summary>
    public static void FlushWhenLarge(Utf8JsonWriter json)
    {
        if (json.BytesPending > FlushThreshold)
        {
            json.Flush();
        }
    }

    /// <summary>A write-only stream that decodes UTF-8 into a text writer, keeping characters split across writes.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private char[] _chars = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (_chars.Length < needed)
            {
                _chars = new char[needed];
            }

            var written = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, written);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
