namespace Shipshape.Cli.Tests;

/// <summary>
/// The never-hang shapes run end to end, in every format: comment directives where they used to hang, thousands of
/// syntax errors, and a Pod with a name of a million characters. Outer timeouts, not stopwatch assertions.
/// </summary>
public sealed class HostileShapesCliTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.0\n";

    public static TheoryData<string> Formats() => ["json", "sarif", "junit", "github", "text", "msbuild", "gitlab"];

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Formats))]
    public async Task Directive_shapes_finish_in_every_format(string format)
    {
        using var files = new TempFiles();
        files.Write("stray.yaml", Pod + "---\n# shipshape-disable SHIP3002\n---\n" + Pod);
        files.Write("second.yaml", Pod + "---\n# shipshape-disable-next-line SHIP3002\n" + Pod);
        files.Write("long-key.yaml", "# shipshape-disable-next-line SHIP0003\n" + new string('k', 100_000) + ": 1\n");
        files.Write("nel.yaml", Pod + "# a\u0085# shipshape-disable SHIPX1 \u0085x: 1\n");
        files.Write("line-separator.yaml", Pod + "# a\u2028# shipshape-disable SHIPX2\u2028x: 1\n");

        var result = await Task.Run(() => CliRunner.Run("lint", "--format", format, files.Root), TestContext.Current.CancellationToken);

        // Warnings only: the one error (SHIP0003 of the long key) is suppressed.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("SHIPX1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("SHIPX2", result.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Directive_shapes_report_on_the_lines_the_parser_counts()
    {
        using var files = new TempFiles();
        var path = files.Write("nel.yaml", Pod + "# a\u0085# shipshape-disable SHIPX1 \u0085x: 1\n");

        // SHIP3003 (off by default) marks the container's line.
        var result = await Task.Run(() => CliRunner.Run("lint", "--preset", "strict", "--format", "json", path), TestContext.Current.CancellationToken);

        Assert.Equal(["SHIP0005@10:21"], result.JsonFindings("SHIP0005"));
        Assert.Equal(["SHIP3003@7:11"], result.JsonFindings("SHIP3003"));
    }

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Formats))]
    public async Task Eight_thousand_syntax_errors_give_a_short_report_in_every_format(string format)
    {
        using var files = new TempFiles();
        var path = files.Write("broken.yaml", string.Concat(Enumerable.Repeat("---\na: b: c\n", 8000)));

        var result = await Task.Run(() => CliRunner.Run("lint", "--format", format, path), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There are 7,900 more SHIP0001 findings in this file", result.Stdout, StringComparison.Ordinal);
        // 101 findings (SARIF, the most verbose, writes under 3 KB each, beside every rule's documentation), not 8,000.
        Assert.InRange(result.Stdout.Length, 1, 1024 * 1024);
    }

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Formats))]
    public async Task A_pod_named_with_a_million_characters_gives_a_report_under_a_megabyte(string format)
    {
        using var files = new TempFiles();
        var path = files.Write("long-name.yaml", Pod.Replace("name: p\n", "name: " + new string('p', 1_000_000) + "\n", StringComparison.Ordinal));

        var result = await Task.Run(() => CliRunner.Run("lint", "--format", format, path), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(new string('p', 256) + "…", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('p', 257), result.Stdout, StringComparison.Ordinal);
        Assert.InRange(result.Stdout.Length, 1, 1024 * 1024);
    }
}
