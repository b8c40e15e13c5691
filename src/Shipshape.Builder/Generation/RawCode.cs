using Shipshape.Builder.Yaml;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Generation;

/// <summary>
/// The escape hatch in generated code: a field the builder has no method for becomes <c>.Set(path, value)</c>
/// with the value as a C# literal where it has one, else as YAML; a kind it has no class for becomes
/// <c>RawResource.FromYaml(...)</c>. The YAML is written by the builder's own writer, so it reads back as the same data.
/// </summary>
internal static class RawCode
{
    /// <summary>A value for <c>.Set(path, value)</c>: a string, a whole number or a boolean as C#, anything else as YAML.</summary>
    public static object Value(Node node) => node switch
    {
        ScalarNode { Kind: ScalarKind.String } scalar => CodeChain.Literal(scalar.Value),
        ScalarNode scalar when scalar.TryGetInt64(out var number) => CodeChain.Number(number),
        ScalarNode scalar when scalar.TryGetBoolean(out var boolean) => CodeChain.Boolean(boolean),
        ScalarNode { IsNull: true } => "FieldValue.Null",
        _ => new YamlCall("FieldValue.FromYaml", YamlWriter.WriteValue(YamlReader.FromNode(node))),
    };

    /// <summary><c>RawResource.FromYaml(...)</c> for the whole object; <c>status</c> is left out, since the cluster writes it.</summary>
    public static ICode Resource(MappingNode root)
    {
        var map = new YamlMap();
        foreach (var entry in root.Entries.Where(e => e.KeyText != "status"))
        {
            map.Set(entry.KeyText ?? throw new ArgumentException($"The key at {entry.Key.Span} is a {entry.Key.ShapeName}; Kubernetes objects have string keys."), YamlReader.FromNode(entry.Value));
        }

        return new YamlCall("RawResource.FromYaml", YamlWriter.WriteValue(map));
    }
}
