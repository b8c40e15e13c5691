using System.Text.Json;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

/// <summary>Writes a YAML node tree as the JSON the Kubernetes API server would decode it to (YAML 1.1 scalar types).</summary>
internal static class YamlJson
{
    public static byte[] ToUtf8(Node node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(node, writer);
        }

        return buffer.ToArray();
    }

    private static void Write(Node node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case MappingNode mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.KeyText ?? string.Empty);
                    Write(entry.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(item, writer);
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
