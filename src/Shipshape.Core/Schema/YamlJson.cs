using System.Buffers;
using System.Text.Json;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

/// <summary>Writes a YAML node tree as the JSON the Kubernetes API server would decode it to (YAML 1.1 scalar types).</summary>
internal static class YamlJson
{
    /// <param name="withoutDescriptions">
    /// Leave out every <c>description</c> whose value is text: a schema's documentation, which validation never reads
    /// and which is most of a CRD's bytes. (A property named description has a mapping for its value and stays.)
    /// </param>
    public static byte[] ToUtf8(Node node, bool withoutDescriptions = false)
    {
        // A CRD's schema is hundreds of kilobytes of JSON: a fresh buffer grew to it by doubling, each step a new array
        // and a copy. This thread's buffer and writer serve the next CRD too, unless the buffer got exceptionally large.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(InitialBufferBytes);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        try
        {
            Write(node, writer, withoutDescriptions);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
#if NET
                buffer.ResetWrittenCount();
#else
                buffer.Clear();
#endif
            }
        }
    }

    private const int InitialBufferBytes = 64 * 1024;

    private const int MaxKeptBufferBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static void Write(Node node, Utf8JsonWriter writer, bool withoutDescriptions)
    {
        switch (node)
        {
            case MappingNode mapping:
                writer.WriteStartObject();
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    if (withoutDescriptions && entry.Value is ScalarNode && entry.KeyText == "description")
                    {
                        continue;
                    }

                    writer.WritePropertyName(entry.KeyText ?? string.Empty);
                    Write(entry.Value, writer, withoutDescriptions);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Write(sequence.Items[i], writer, withoutDescriptions);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode scalar:
                WriteScalar(scalar, writer);
                break;
        }
    }

    private static void WriteScalar(ScalarNode scalar, Utf8JsonWriter writer)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                writer.WriteNullValue();
                return;
            case ScalarKind.Boolean when scalar.TryGetBoolean(out var boolean):
                writer.WriteBooleanValue(boolean);
                return;
            case ScalarKind.Integer when scalar.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                return;
            case ScalarKind.Float when scalar.TryGetDouble(out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                return;
            default:
                writer.WriteStringValue(scalar.Value);
                return;
        }
    }
}
