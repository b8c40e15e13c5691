using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shipshape.Cli.Output;

/// <summary>Writes one indented JSON document to a text writer through <see cref="Utf8JsonWriter"/> (AOT-safe, byte-stable).</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Messages quote names ('web') and arrows; keep them readable instead of \u0027-escaped. Still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> writeDocument)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writeDocument(json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
    }
}
