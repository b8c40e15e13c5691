using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Tests.Loading;

public sealed class YamlLoaderTests
{
    private static LoadedFile Load(string text, LoaderLimits? limits = null) =>
        new YamlLoader(limits).Load(new SourceFile("test.yaml", text));

    [Fact]
    public void Scalars_keep_one_based_start_and_exclusive_end_positions()
    {
        var loaded = Load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n");
        var root = Assert.IsType<MappingNode>(Assert.Single(loaded.Documents).Root);
        var name = root.Mapping("metadata")!.Scalar("name")!;
        Assert.Equal(new SourceSpan(4, 9, 4, 12), name.Span);
        Assert.Equal(new SourceSpan(4, 3, 4, 7), root.Mapping("metadata")!.KeyNode("name")!.Span);
        Assert.Equal(new SourceSpan(1, 1, 4, 12), root.Span);
    }

    [Theory]
    [InlineData("plain: 1\non: 2\n\"quoted\": 3\n")] // the block reader
    [InlineData("plain: 1\non: 2\n\"quoted\": 3\nx: &anchor 4\n")] // SharpYaml (the anchor is outside the block reader's subset)
    public void Keys_are_nodes_with_their_text_kind_and_place_whether_kept_as_text_or_as_nodes(string text)
    {
        var root = (MappingNode)Assert.Single(Load(text).Documents).Root;

        // A plain key is kept as text and position; its node, made on request, is the one a reader would have built.
        var plain = Assert.IsType<ScalarNode>(root.Entries[0].Key);
        Assert.Equal(("plain", true, ScalarKind.String, new SourceSpan(1, 1, 1, 6)), (plain.Value, plain.IsPlain, plain.Kind, plain.Span));
        Assert.Equal(plain.Span, root.Entries[0].KeySpan);
        var yes = Assert.IsType<ScalarNode>(root.Entries[1].Key);
        Assert.Equal(("on", ScalarKind.Boolean, new SourceSpan(2, 1, 2, 3)), (yes.Value, yes.Kind, yes.Span));

        // A quoted key keeps its node: the same one each time.
        var quoted = Assert.IsType<ScalarNode>(root.Entries[2].Key);
        Assert.Equal(("quoted", false, ScalarKind.String, new SourceSpan(3, 1, 3, 9)), (quoted.Value, quoted.IsPlain, quoted.Kind, quoted.Span));
        Assert.Same(quoted, root.Entries[2].Key);
        Assert.Equal("quoted", root.Entries[2].KeyText);
    }

    [Fact]
    public void A_read_tree_is_not_kept_alive_by_the_frames_its_reader_gives_back_to_the_thread()
    {
        var tree = LoadAndForget("a:\n  b:\n    c: [1, 2]\n");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(tree.IsAlive);
    }

    /// <summary>Loads the text and keeps only a weak reference to its first value: no local can hold the tree alive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndForget(string text) =>
        new(((MappingNode)Assert.Single(Load(text).Documents).Root)["a"]);

    [Fact]
    public void A_tag_stays_with_its_node()
    {
        var root = (MappingNode)Assert.Single(Load("a: !!str 1\nb: !custom {c: 2}\nd: 3\n").Documents).Root;
        Assert.Equal("tag:yaml.org,2002:str", root["a"]!.Tag);
        Assert.Equal(ScalarKind.String, root.Scalar("a")!.Kind);
        Assert.Equal("!custom", root["b"]!.Tag);
        Assert.Null(root["d"]!.Tag);
        Assert.Null(root.Tag);
    }

    [Fact]
    public void Documents_come_from_the_parser_not_from_splitting_on_dashes()
    {
        // '---' inside a block scalar is text, not a document marker; empty and comment-only documents are skipped.
        const string text = "---\n# nothing here\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    echo one\n    ---\n    echo two\n---\n---\napiVersion: v1\nkind: Secret\n";
        var loaded = Load(text);
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(2, loaded.Documents.Count);
        var script = ((MappingNode)loaded.Documents[0].Root).Mapping("data")!.Scalar("script")!;
        Assert.Equal("echo one\n---\necho two\n", script.Value);
        Assert.Equal(1, loaded.Documents[1].Index);
        Assert.Equal(13, loaded.Documents[1].Root.Span.Line);
    }

    [Fact]
    public void Aliases_resolve_and_merge_keys_fill_in_missing_entries()
    {
        const string text = "base: &base\n  a: 1\n  b: 2\nderived:\n  <<: *base\n  b: 3\nsame: *base\n";
        var root = (MappingNode)Assert.Single(Load(text).Documents).Root;
        var derived = root.Mapping("derived")!;
        Assert.Equal(["b", "a"], derived.Entries.Select(e => e.KeyText));
        Assert.Equal("3", derived.Text("b"));
        Assert.Equal("1", derived.Text("a"));
        Assert.Same(root["base"], root["same"]);
    }

    [Fact]
    public void Merge_key_accepts_a_list_of_mappings_with_earlier_ones_winning()
    {
        const string text = "one: &one {a: 1}\ntwo: &two {a: 2, b: 2}\nboth:\n  <<: [*one, *two]\n";
        var both = ((MappingNode)Assert.Single(Load(text).Documents).Root).Mapping("both")!;
        Assert.Equal("1", both.Text("a"));
        Assert.Equal("2", both.Text("b"));
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_key_and_the_last_value_wins()
    {
        var loaded = Load("a: 1\nb: 2\na: 3\n");
        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal("SHIP0002", diagnostic.Id);
        Assert.Equal(new SourceSpan(3, 1, 3, 2), diagnostic.Span);
        Assert.Equal("Key 'a' is already defined on line 1 of this mapping; only the last value would be used, so remove or rename one of them", diagnostic.Message);
        Assert.Equal("3", ((MappingNode)loaded.Documents[0].Root).Text("a"));
    }

    [Fact]
    public void Duplicate_keys_are_found_in_large_mappings_too()
    {
        var lines = Enumerable.Range(0, 50).Select(i => $"key{i}: {i}").Append("key7: again");
        var loaded = Load(string.Join("\n", lines) + "\n");
        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal(51, diagnostic.Span.Line);
        Assert.Equal("again", ((MappingNode)loaded.Documents[0].Root).Text("key7"));
    }

    [Fact]
    public void Syntax_error_loses_only_its_own_document()
    {
        const string text = "a: 1\n---\nb: [unclosed\n---\nc: 3\n";
        var loaded = Load(text);
        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal("SHIP0001", diagnostic.Id);
        Assert.Equal((3, 4), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Equal(["a", "c"], loaded.Documents.Select(d => ((MappingNode)d.Root).Entries[0].KeyText));
        Assert.Equal(5, loaded.Documents[1].Root.Span.Line);
    }

    [Fact]
    public void Billion_laughs_is_stopped_with_a_located_diagnostic()
    {
        var levels = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            levels.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var loaded = Load(string.Join("\n", levels) + "\n");
        Assert.Empty(loaded.Documents);
        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal("SHIP0004", diagnostic.Id);
        Assert.Equal(6, diagnostic.Span.Line);
        Assert.Contains("more than 1,000,000 nodes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_reported_not_recursed_into()
    {
        var text = new string('[', 10_000) + new string(']', 10_000) + "\n";
        var loaded = Load(text);
        Assert.Empty(loaded.Documents);
        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal("SHIP0004", diagnostic.Id);
        Assert.Equal(new SourceSpan(1, 513, 1, 513), diagnostic.Span);
    }

    [Fact]
    public void Undefined_alias_is_a_syntax_error_of_its_document()
    {
        var loaded = Load("a: *missing\n---\nb: 1\n");
        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal("SHIP0001", diagnostic.Id);
        Assert.Equal(new SourceSpan(1, 4, 1, 12), diagnostic.Span);
        Assert.Equal("b", ((MappingNode)Assert.Single(loaded.Documents).Root).Entries[0].KeyText);
    }

    [Fact]
    public void Json_documents_load_with_positions()
    {
        const string text = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\"containers\": [{\"name\": \"a\", \"ports\": [{\"containerPort\": 80}]}]}\n}\n";
        var root = (MappingNode)Assert.Single(Load(text).Documents).Root;
        var port = ((MappingNode)((MappingNode)root.Mapping("spec")!.Sequence("containers")!.Items[0]).Sequence("ports")!.Items[0]).Scalar("containerPort")!;
        Assert.Equal(ScalarKind.Integer, port.Kind);
        Assert.Equal(new SourceSpan(4, 69, 4, 71), port.Span);
    }

    [Theory]
    [InlineData("80", ScalarKind.Integer)]
    [InlineData("\"80\"", ScalarKind.String)]
    [InlineData("0x1F", ScalarKind.Integer)]
    [InlineData("0644", ScalarKind.Integer)]
    [InlineData("1.5", ScalarKind.Float)]
    [InlineData("1e3", ScalarKind.Float)]
    [InlineData("1.2.3", ScalarKind.String)]
    [InlineData("yes", ScalarKind.Boolean)]
    [InlineData("Off", ScalarKind.Boolean)]
    [InlineData("true", ScalarKind.Boolean)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("", ScalarKind.Null)]
    [InlineData("!!str 80", ScalarKind.String)]
    [InlineData("500m", ScalarKind.String)]
    [InlineData("25%", ScalarKind.String)]
    [InlineData("'true'", ScalarKind.String)]
    public void Scalars_resolve_like_kubernetes_yaml_reader(string yaml, ScalarKind expected)
    {
        var root = (MappingNode)Assert.Single(Load($"value: {yaml}\n").Documents).Root;
        Assert.Equal(expected, root.Scalar("value")!.Kind);
    }

    [Fact]
    public void Octal_file_modes_read_as_their_numeric_value()
    {
        var root = (MappingNode)Assert.Single(Load("mode: 0644\n").Documents).Root;
        Assert.True(root.Scalar("mode")!.TryGetInt64(out var mode));
        Assert.Equal(420, mode);
    }
}
