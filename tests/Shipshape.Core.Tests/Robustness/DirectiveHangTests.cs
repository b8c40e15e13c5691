using Shipshape.Core.Engine;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>
/// Comment directives in the places that used to hang the run (a stray directive between documents, one in a later
/// document, one above a very long key, comments holding NEL or LINE SEPARATOR): each finishes at once, and the
/// directive applies to the line the YAML parser numbers. Outer timeouts, not stopwatch assertions.
/// </summary>
public sealed class DirectiveHangTests
{
    /// <summary>A Pod whose container (named on line 7, column 11) gets SHIP3002 and SHIP3003, among others.</summary>
    internal const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.0\n";

    [Fact(Timeout = 10_000)]
    public async Task A_stray_directive_between_documents_belongs_to_the_next_document()
    {
        // Lines 9-11: '---', the directive, '---'; the second Pod's container is on line 18.
        var text = Pod + "---\n# shipshape-disable SHIP3002\n---\n" + Pod;

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        Assert.Equal(["SHIP3002@7:11"], report.Findings("SHIP3002"));
        Assert.Equal(["SHIP3003@7:11", "SHIP3003@18:11"], report.Findings("SHIP3003"));
        Assert.Equal(["SHIP3002@18:11"], report.Diagnostics.Where(d => d.IsSuppressed).Select(d => $"{d.Id}@{d.Span.Line}:{d.Span.Column}"));
    }

    [Fact(Timeout = 10_000)]
    public async Task A_directive_in_the_second_document_covers_its_next_line()
    {
        var second = Pod.Replace("  - name: c\n", "  # shipshape-disable-next-line SHIP3002\n  - name: c\n", StringComparison.Ordinal);
        var text = Pod + "---\n" + second;

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        Assert.Equal(["SHIP3002@7:11"], report.Findings("SHIP3002"));
        Assert.Equal(["SHIP3003@7:11", "SHIP3003@17:11"], report.Findings("SHIP3003"));
        Assert.Equal(1, report.Summary.Suppressed);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_directive_above_a_key_of_a_hundred_thousand_characters_finishes()
    {
        var text = "# shipshape-disable-next-line SHIP0003\n" + new string('k', 100_000) + ": 1\n# shipshape-disable-next-line NOPE\n";

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        Assert.Equal(["SHIP0005@3:31"], report.Findings());
        Assert.Equal("comment", Assert.Single(report.Diagnostics, d => d.Id == "SHIP0003").Suppression);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\r")]
    public async Task A_line_break_the_parser_counts_ends_a_directive_comment(string lineBreak)
    {
        // The parser (a YAML 1.1 reader) ends lines at NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR and a lone CR too:
        // the container is on line 9 for it, and the directive on line 8 covers it.
        var text = Pod.Replace("  - name: c\n", "  # a note" + lineBreak + "  # shipshape-disable-next-line SHIP3002 -- reviewed\n  - name: c\n", StringComparison.Ordinal);

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        Assert.Empty(report.Findings("SHIP3002"));
        Assert.Equal(["SHIP3003@9:11"], report.Findings("SHIP3003"));
        Assert.Equal("reviewed", Assert.Single(report.Diagnostics, d => d.IsSuppressed).Suppression);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_directive_after_a_line_separator_in_a_comment_is_read_on_its_own_line()
    {
        var text = Pod + "# note\u2028# shipshape-disable-next-line NOPE\n";

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        Assert.Equal(["SHIP0005@10:31"], report.Findings("SHIP0005"));
    }

    [Fact(Timeout = 10_000)]
    public async Task Hash_signs_inside_quoted_and_block_scalars_are_not_directives()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"x\n    # shipshape-disable NOPE1\"\n  b: 'it''s # shipshape-disable NOPE2'\n"
            + "  c: |\n    # shipshape-disable NOPE3\n  d: x # shipshape-disable NOPE4\n";

        var report = await Task.Run(() => Lint.Text(text, options: Lint.EveryRule), TestContext.Current.CancellationToken);

        Assert.Equal(["SHIP0005@11:10"], report.Findings("SHIP0005"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_shape_among_many_files_finishes()
    {
        var root = Path.Combine(Path.GetTempPath(), "shipshape-directives", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            foreach (var (name, text) in Shapes())
            {
                for (var i = 0; i < 50; i++)
                {
                    File.WriteAllText(Path.Combine(root, $"{name}-{i:D2}.yaml"), text);
                }
            }

            var report = await Task.Run(() => Lint.Files([root], Lint.EveryRule), TestContext.Current.CancellationToken);

            Assert.Equal(Shapes().Count() * 50, report.Summary.Files);
            Assert.Equal(50 * 6, report.Findings("SHIP3003").Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Each directive shape of the never-hang issue, as a file of one or two Pods.</summary>
    internal static IEnumerable<(string Name, string Text)> Shapes()
    {
        yield return ("stray", Pod + "---\n# shipshape-disable SHIP3002\n---\n" + Pod);
        yield return ("second", Pod + "---\n# shipshape-disable-next-line SHIP3002\n" + Pod);
        yield return ("long-key", "# shipshape-disable-next-line SHIP0003\n" + new string('k', 100_000) + ": 1\n");
        yield return ("nel", Pod + "# a\u0085# shipshape-disable SHIP3002 \u0085x: 1\n");
        yield return ("line-separator", Pod + "# shipshape-disable SHIP3002 \u2028x: 1\n");
    }
}
