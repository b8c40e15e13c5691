using System.Buffers;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Shipshape.Builder.Yaml;

/// <summary>
/// Writes builder trees as YAML through YamlDotNet's emitter, so escaping and quoting are the emitter's:
/// strings that Kubernetes' YAML 1.1 reader would take for a number, boolean or null ("80", "yes", "0755")
/// are double-quoted; multi-line strings are literal blocks, unless they hold a line break other than \n (double-quoted,
/// escaped). Output is LF-only and byte-for-byte stable.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(IEnumerable<YamlMap> documents) => WriteStream(emitter =>
    {
        foreach (var document in documents)
        {
            WriteDocument(emitter, document, markStart: true);
        }
    });

    /// <summary>One value as a YAML document without the <c>---</c> marker: what the generator hands to <c>FromYaml</c>.</summary>
    public static string WriteValue(YamlValue value) => WriteStream(emitter => WriteDocument(emitter, value, markStart: false));

    private static string WriteStream(Action<IEmitter> writeDocuments)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings().WithIndentedSequences().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        writeDocuments(emitter);
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteDocument(IEmitter emitter, YamlValue document, bool markStart)
    {
        emitter.Emit(new DocumentStart(null, null, isImplicit: !markStart));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
    }

    private static void Emit(IEmitter emitter, YamlValue value)
    {
        switch (value)
        {
            case YamlMap map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var (key, item) in map.Entries)
                {
                    EmitString(emitter, key);
                    Emit(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case YamlList list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlScalar { IsString: true } scalar:
                EmitString(emitter, scalar.Text);
                break;
            case YamlScalar scalar:
                emitter.Emit(new Scalar(null, null, scalar.Text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string value)
    {
        // The emitter falls back to a quoted style by itself when a literal block or a plain scalar cannot hold the text,
        // except for the line breaks other than \n: it writes a carriage return or NEL into a block as a plain break
        // (the value reads back with \n), and U+2028/U+2029 raw, which YAML 1.1 readers (go-yaml, so kubectl) read as
        // breaks. Only double quotes escape them.
        var style = value.AsSpan().IndexOfAny(BreaksOnlyQuotesKeep) >= 0 ? ScalarStyle.DoubleQuoted
            : value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : ReadsAsNonString(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static readonly SearchValues<char> BreaksOnlyQuotesKeep = SearchValues.Create("\r\u0085\u2028\u2029");

    /// <summary>
    /// True when a plain scalar with this text would not read back as a string under YAML 1.1 (go-yaml, which
    /// Kubernetes uses) or 1.2: null and boolean words, numbers in any base or notation, sexagesimals, dates.
    /// </summary>
    internal static bool ReadsAsNonString(string value) => value.Length == 0 || NonStringPattern().IsMatch(value);

    [GeneratedRegex(
        @"^(?:~|null|Null|NULL|[yY]|yes|Yes|YES|[nN]|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<"
        + @"|[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)"
        + @"|[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$")]
    private static partial Regex NonStringPattern();
}
