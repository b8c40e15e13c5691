using CsCheck;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>
/// Property tests for the loader: for generated YAML, our node trees equal YamlDotNet's own representation
/// model, and every position points inside the text.
/// </summary>
public sealed class LoaderPropertyTests
{
    private abstract record Tree;

    private sealed record Leaf(string Value, ScalarStyle Style) : Tree;

    private sealed record Branch(IReadOnlyList<Tree> Items) : Tree;

    private sealed record Map(IReadOnlyList<(string Key, Tree Value)> Entries, bool Flow) : Tree;

    private static readonly Gen<string> Words = Gen.OneOf("app", "web", "name", "image", "port", "80", "1.5", "true", "yes", "null", "~", "a b", "x: y", "- item", "# not a comment", "'quoted'", "\"dq\"", "multi\nline", "tab\there", "ünïcödé", "{{ x }}", "", " lead", "trail ");

    private static readonly Gen<ScalarStyle> Styles = Gen.OneOf(ScalarStyle.Any, ScalarStyle.SingleQuoted, ScalarStyle.DoubleQuoted, ScalarStyle.Literal);

    private static readonly Gen<Tree> Trees = Gen.Recursive<Tree>((depth, tree) =>
        depth >= 4
            ? Gen.Select(Words, Styles, (w, s) => (Tree)new Leaf(w, s))
            : Gen.Frequency(
                (3, Gen.Select(Words, Styles, (w, s) => (Tree)new Leaf(w, s))),
                (1, tree.List[0, 4].Select(items => (Tree)new Branch(items))),
                (1, Gen.Select(Gen.String[Gen.Char["abcdefgh"], 1, 6].List[0, 4], tree.List[4], Gen.Bool, (keys, values, flow) =>
                    (Tree)new Map(keys.Distinct(StringComparer.Ordinal).Zip(values).ToList(), flow)))));

    private static readonly Gen<Tree> Documents = Gen.Select(Gen.String[Gen.Char["abcdefgh"], 1, 6].List[1, 5], Trees.List[5], (keys, values) =>
        (Tree)new Map(keys.Distinct(StringComparer.Ordinal).Zip(values).ToList(), false));

    [Fact]
    public void Generated_yaml_loads_to_the_same_tree_as_YamlDotNet_with_positions_inside_the_text()
    {
        Documents.Sample(document =>
        {
            var text = Emit(document);
            var loaded = new YamlLoader().Load(new SourceFile("generated.yaml", text));
            Assert.Empty(loaded.Diagnostics);

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var expected = Assert.Single(stream.Documents).RootNode;
            var actual = Assert.Single(loaded.Documents).Root;

            var lines = text.Split('\n');
            AssertSame(expected, actual, lines);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    private static void AssertSame(YamlNode expected, Node actual, string[] lines)
    {
        AssertInside(actual.Span, lines);
        switch (expected)
        {
            case YamlScalarNode scalar:
                var actualScalar = Assert.IsType<ScalarNode>(actual);
                Assert.Equal(scalar.Value ?? string.Empty, actualScalar.Value);
                Assert.Equal(scalar.Start.Line, actual.Span.Line);
                Assert.Equal(scalar.Start.Column, actual.Span.Column);
                break;
            case YamlSequenceNode sequence:
                var actualSequence = Assert.IsType<SequenceNode>(actual);
                Assert.Equal(sequence.Children.Count, actualSequence.Count);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    AssertSame(sequence.Children[i], actualSequence.Items[i], lines);
                }

                break;
            case YamlMappingNode mapping:
                var actualMapping = Assert.IsType<MappingNode>(actual);
                Assert.Equal(mapping.Children.Count, actualMapping.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    var keyText = ((YamlScalarNode)key).Value!;
                    Assert.True(actualMapping.TryGetEntry(keyText, out var entry), keyText);
                    Assert.Equal(key.Start.Line, entry.Key.Span.Line);
                    AssertSame(value, entry.Value, lines);
                }

                break;
        }
    }

    private static void AssertInside(SourceSpan span, string[] lines)
    {
        Assert.InRange(span.Line, 1, lines.Length);
        Assert.InRange(span.EndLine, span.Line, lines.Length);
        Assert.InRange(span.Column, 1, lines[span.Line - 1].Length + 1);
        Assert.InRange(span.EndColumn, 1, lines[span.EndLine - 1].Length + 1);
    }

    private static string Emit(Tree document)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        EmitTree(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void EmitTree(IEmitter emitter, Tree tree)
    {
        switch (tree)
        {
            case Leaf leaf:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, leaf.Value, leaf.Style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case Branch branch:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var item in branch.Items)
                {
                    EmitTree(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case Map map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, map.Flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    EmitTree(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
