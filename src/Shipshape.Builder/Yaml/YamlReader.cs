using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Yaml;

/// <summary>
/// Reads YAML text (or a loaded node tree) into builder trees, through the engine's own loader so that every
/// scalar means what it means to the linter and to Kubernetes: strings stay strings, and numbers, booleans and
/// nulls keep the text they were written with.
/// </summary>
internal static class YamlReader
{
    /// <summary>The documents of <paramref name="yaml"/> (none for an empty text); a syntax error or a duplicate key is an <see cref="ArgumentException"/>.</summary>
    public static IReadOnlyList<YamlValue> ReadDocuments(string yaml, string what)
    {
        var loaded = new YamlLoader().Load(new SourceFile(what, yaml));
        return loaded.Diagnostics is [var problem, ..]
            ? throw new ArgumentException($"The YAML of {what} cannot be read at line {problem.Span.Line}, column {problem.Span.Column}: {problem.Message}", nameof(yaml))
            : [.. loaded.Documents.Select(d => FromNode(d.Root))];
    }

    public static YamlValue FromNode(Node node) => node switch
    {
        MappingNode map => FromMapping(map),
        SequenceNode list => new YamlList(list.Items.Select(FromNode)),
        ScalarNode { Kind: ScalarKind.String } scalar => YamlScalar.String(scalar.Value),
        ScalarNode { Kind: ScalarKind.Null } => YamlScalar.Plain("null"),
        // Numbers and booleans keep their text; a tagged quoted one (!!int "80") written plain reads as the same kind.
        ScalarNode scalar => YamlScalar.Plain(scalar.Value),
        _ => throw new ArgumentException($"A {node.ShapeName} at {node.Span} has no YAML form the builder writes."),
    };

    private static YamlMap FromMapping(MappingNode map)
    {
        var result = new YamlMap();
        foreach (var entry in map.Entries)
        {
            var key = entry.KeyText ?? throw new ArgumentException($"The key at {entry.Key.Span} is a {entry.Key.ShapeName}; Kubernetes objects have string keys.");
            result.Set(key, FromNode(entry.Value));
        }

        return result;
    }
}
