using System.Globalization;
using System.Text;

namespace Shipshape.Core.Tests.Schema;

/// <summary>
/// A protobuf text-format message read without its schema: fields in order, each a scalar (the token's text, strings
/// unescaped to their bytes) or a nested message. Enough of the format for cel-spec's conformance files.
/// </summary>
internal sealed class TextProto
{
    public List<(string Name, object Value)> Fields { get; } = [];

    public IEnumerable<TextProto> Messages(string name) => Fields.Where(f => f.Name == name).Select(f => f.Value).OfType<TextProto>();

    public TextProto? Message(string name) => Messages(name).FirstOrDefault();

    public object? Scalar(string name) => Fields.FirstOrDefault(f => f.Name == name && f.Value is not TextProto).Value;

    /// <summary>A string field as UTF-8 text.</summary>
    public string? Text(string name) => Scalar(name) is TextProtoString s ? Encoding.UTF8.GetString(s.Bytes) : null;

    public static TextProto Parse(string text)
    {
        var position = 0;
        var message = ParseFields(text, ref position, closing: null);
        return message;
    }

    private static TextProto ParseFields(string text, ref int position, char? closing)
    {
        var message = new TextProto();
        while (true)
        {
            SkipSpace(text, ref position);
            if (position >= text.Length)
            {
                return closing is null ? message : throw new FormatException("unclosed message");
            }

            if (text[position] == closing)
            {
                position++;
                return message;
            }

            var name = ReadName(text, ref position);
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == ':')
            {
                position++;
                SkipSpace(text, ref position);
            }

            if (text[position] == '[')
            {
                // A repeated field as a list: name: [a, b].
                position++;
                while (true)
                {
                    SkipSpace(text, ref position);
                    if (text[position] == ']')
                    {
                        position++;
                        break;
                    }

                    message.Fields.Add((name, ReadValue(text, ref position)));
                    SkipSpace(text, ref position);
                    if (text[position] == ',')
                    {
                        position++;
                    }
                }
            }
            else
            {
                message.Fields.Add((name, ReadValue(text, ref position)));
            }

            SkipSpace(text, ref position);
            if (position < text.Length && text[position] is ',' or ';')
            {
                position++;
            }
        }
    }

    private static object ReadValue(string text, ref int position)
    {
        var c = text[position];
        if (c is '{' or '<')
        {
            position++;
            return ParseFields(text, ref position, c == '{' ? '}' : '>');
        }

        if (c is '"' or '\'')
        {
            var bytes = new List<byte>();
            while (position < text.Length && text[position] is '"' or '\'')
            {
                bytes.AddRange(ReadString(text, ref position));
                SkipSpace(text, ref position);
            }

            return new TextProtoString([.. bytes]);
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.' or '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private static string ReadName(string text, ref int position)
    {
        if (text[position] == '[')
        {
            var end = text.IndexOf(']', position);
            var name = text[position..(end + 1)];
            position = end + 1;
            return name;
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return start == position ? throw new FormatException($"expected a field name at {position}: '{text[position]}'") : text[start..position];
    }

    private static List<byte> ReadString(string text, ref int position)
    {
        var quote = text[position++];
        var bytes = new List<byte>();
        while (text[position] != quote)
        {
            var c = text[position++];
            if (c != '\\')
            {
                if (char.IsHighSurrogate(c))
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(new[] { c, text[position++] }));
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                }

                continue;
            }

            var escape = text[position++];
            switch (escape)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'v': bytes.Add(11); break;
                case 'x':
                {
                    var start = position;
                    while (position < text.Length && position - start < 2 && char.IsAsciiHexDigit(text[position]))
                    {
                        position++;
                    }

                    bytes.Add(byte.Parse(text.AsSpan(start, position - start), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    break;
                }

                case 'u' or 'U':
                {
                    var length = escape == 'u' ? 4 : 8;
                    var code = int.Parse(text.AsSpan(position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    position += length;
                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
                    break;
                }

                case >= '0' and <= '7':
                {
                    var value = escape - '0';
                    for (var i = 0; i < 2 && text[position] is >= '0' and <= '7'; i++)
                    {
                        value = (value * 8) + (text[position++] - '0');
                    }

                    bytes.Add((byte)value);
                    break;
                }

                default:
                    bytes.AddRange(Encoding.UTF8.GetBytes(escape.ToString()));
                    break;
            }
        }

        position++;
        return bytes;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
            }
            else if (text[position] == '#')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                return;
            }
        }
    }
}

/// <summary>A string field's value: its bytes, which may not be UTF-8 (bytes_value).</summary>
internal sealed record TextProtoString(byte[] Bytes);
