using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Syntax;

namespace Shipshape.Cli.Tests;

/// <summary>The text report: grouped by file, code frames, escaping, colour, --quiet, and the summary's rule counts.</summary>
public sealed class TextOutputTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void An_error_shows_its_source_line_with_a_marker_under_its_columns_grouped_under_its_file()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);

        var result = CliRunner.Run("lint", path);

        var lines = result.Stdout.Split('\n');
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{path} (1 error)", lines[0]);
        Assert.StartsWith($"{path}:14:26: error SHIP2005 Port 80/TCP of container 'echo' is already declared", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(" [Pod/simple-echo]", lines[1], StringComparison.Ordinal);
        Assert.Equal("  14 |         - containerPort: 80", lines[2]);
        Assert.Equal("     |                          ^^", lines[3]);
        Assert.Equal(string.Empty, lines[4]);
        Assert.Equal("1 error, 0 warnings, 0 infos in 1 file (1 object in 1 document)", lines[5]);
        Assert.DoesNotContain(Esc, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void No_source_prints_one_line_per_finding_and_the_summary()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);

        var lines = CliRunner.Run("lint", "--no-source", path).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{path}:14:26: error SHIP2005 ", lines[0], StringComparison.Ordinal);
        Assert.Equal("1 error, 0 warnings, 0 infos in 1 file (1 object in 1 document)", lines[1]);
    }

    [Fact]
    public void Frames_of_one_file_line_up_and_each_file_has_its_heading()
    {
        using var files = new TempFiles();
        var first = files.Write("a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n        - containerPort: 80\n");
        var second = files.Write("b.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: b\nspec:\n  ports:\n    - port: 80\n    - port: 81\n");

        var result = CliRunner.Run("lint", first, second);

        Assert.Equal(
            [
                $"{first} (1 error)",
                $"{first}:11:26: error SHIP2005 Port 80/TCP of container 'c' is already declared by the same container on line 10; containers of a pod share one network namespace, so only one of them can bind it: use a different port [Pod/a]",
                "  11 |         - containerPort: 80",
                "     |                          ^^",
                string.Empty,
                $"{second} (2 errors)",
            ],
            result.Stdout.Split('\n').Take(6));
        Assert.Contains("  7 |     - port: 80\n    |             ^^\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_characters_from_the_input_are_shown_as_escapes_in_messages_and_frames()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  {Esc}[31mlabels: {{}}\n");

        var result = CliRunner.Run("lint", path);

        Assert.DoesNotContain(Esc, result.Stdout, StringComparison.Ordinal);
        var finding = Assert.Single(result.Stdout.Split('\n'), l => l.Contains(" SHIP1002 ", StringComparison.Ordinal));
        Assert.StartsWith($"{path}:5:3: warning SHIP1002 metadata.\\x1b[31mlabels is not a field", finding, StringComparison.Ordinal);

        // The marker stays under the key, whose escape takes four columns for one character.
        Assert.Contains("  5 |   \\x1b[31mlabels: {}\n    |   ^^^^^^^^^^^^^^\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_gets_frames_from_the_text_the_run_read()
    {
        var result = CliRunner.RunWithInput(TestManifests.PortCollisionPod, "lint", "-");

        var lines = result.Stdout.Split('\n');
        Assert.Equal("<stdin> (1 error)", lines[0]);
        Assert.StartsWith("<stdin>:14:26: error SHIP2005 ", lines[1], StringComparison.Ordinal);
        Assert.Equal("  14 |         - containerPort: 80", lines[2]);
        Assert.Equal("     |                          ^^", lines[3]);
    }

    [Fact]
    public void Color_always_colours_the_severity_and_the_marker_and_never_leaves_them_plain()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);

        var always = CliRunner.Run("lint", "--color", "always", path).Stdout;
        var never = CliRunner.Run("lint", "--color", "never", path).Stdout;

        Assert.Contains($"{Esc}[1;31merror{Esc}[0m SHIP2005", always, StringComparison.Ordinal);
        Assert.Contains($"{Esc}[1;31m^^{Esc}[0m", always, StringComparison.Ordinal);
        Assert.DoesNotContain(Esc, never, StringComparison.Ordinal);
        Assert.Equal(CliRunner.Run("lint", path).Stdout, never);
    }

    [Theory]
    [InlineData(ColorMode.Auto, true, null, true)]
    [InlineData(ColorMode.Auto, true, "", true)]
    [InlineData(ColorMode.Auto, true, "1", false)]
    [InlineData(ColorMode.Auto, false, null, false)]
    [InlineData(ColorMode.Always, false, "1", true)]
    [InlineData(ColorMode.Never, true, null, false)]
    public void Colour_follows_the_option_then_the_terminal_and_a_non_empty_NO_COLOR(ColorMode mode, bool terminal, string? noColor, bool expected) =>
        Assert.Equal(expected, ColorChoice.UseColor(mode, terminal, name => name == "NO_COLOR" ? noColor : null));

    [Fact]
    public void Auto_colour_is_off_on_a_dumb_terminal() =>
        Assert.False(ColorChoice.UseColor(ColorMode.Auto, toTerminal: true, name => name == "TERM" ? "dumb" : null));

    [Fact]
    public void Quiet_prints_no_warning_or_info_and_keeps_the_exit_code()
    {
        var result = CliRunner.Run("lint", "--quiet", "--preset", "strict", "--fail-level", "warning", CiTestPaths.Examples);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(" warning SHIP", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" info SHIP", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(8, result.Stdout.Split('\n').Count(l => l.Contains(": error SHIP", StringComparison.Ordinal)));
        Assert.Contains("8 errors in 9 files (13 objects in 13 documents); --quiet hid ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_leaves_warnings_out_of_the_json_report_too()
    {
        var result = CliRunner.Run("lint", "--quiet", "--format", "json", CiTestPaths.Examples);

        Assert.All(result.Json.GetProperty("diagnostics").EnumerateArray(), d => Assert.Equal("error", d.GetProperty("severity").GetString()));
        Assert.Equal(4, result.Json.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void The_summary_counts_a_repeated_rule_and_says_how_to_turn_it_off()
    {
        var result = CliRunner.Run("lint", "--preset", "strict", "--no-source", CiTestPaths.Examples);

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("By rule: SHIP3025 ×9, SHIP4034 ×9, SHIP4036 ×9, SHIP4038 ×9, SHIP3002 ×7, SHIP3003 ×7, SHIP3008 ×7, SHIP3009 ×7 and 16 more.", lines[^2]);
        Assert.Equal("To turn a rule off: --disable SHIP3025 for this run, or 'rules: { SHIP3025: off }' in .shipshape.yaml; 'shipshape explain SHIP3025' says what it checks.", lines[^1]);
    }

    [Fact]
    public void Few_findings_need_no_rule_counts()
    {
        using var files = new TempFiles();
        var path = files.Write("pod.yaml", TestManifests.PortCollisionPod);

        Assert.DoesNotContain("By rule:", CliRunner.Run("lint", path).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_line_is_cut_around_the_finding_and_the_marker_stays_under_it()
    {
        var line = new string('a', 300) + "XY" + new string('b', 300);
        var excerpts = SourceExcerpts.Read(new StringReader("first\n" + line + "\nlast"), [(2, 301), (3, 1)]);

        var excerpt = excerpts[(2, 301)];
        Assert.Equal((260, true, true, SourceExcerpts.Width), (excerpt.FirstColumn - 1, excerpt.CutBefore, excerpt.CutAfter, excerpt.Text.Length));
        var (source, marker) = CodeFrame.Render(excerpt, new SourceSpan(2, 301, 2, 303), Severity.Error, Palette.Plain, gutterWidth: 1);
        Assert.Equal(source.IndexOf("XY", StringComparison.Ordinal), marker.IndexOf("^^", StringComparison.Ordinal));
        Assert.EndsWith("…", source, StringComparison.Ordinal);
        Assert.Equal(SourceExcerpts.Width + 2 + "  2 | ".Length, source.Length);
        Assert.Equal(new LineExcerpt("last", 1, false, false), excerpts[(3, 1)]);
    }

    [Fact]
    public void Frames_follow_crlf_and_lone_carriage_returns_and_mark_one_column_past_the_end()
    {
        var excerpts = SourceExcerpts.Read(new StringReader("a: 1\r\nb: 2\rc: [\r\n"), [(2, 1), (3, 5)]);

        Assert.Equal("b: 2", excerpts[(2, 1)].Text);
        var (source, marker) = CodeFrame.Render(excerpts[(3, 5)], new SourceSpan(3, 5, 3, 5), Severity.Error, Palette.Plain, gutterWidth: 1);
        Assert.Equal(("  3 | c: [", "    |     ^"), (source, marker));
    }

    [Fact]
    public void Disable_with_a_wildcard_silences_every_security_rule()
    {
        var result = CliRunner.Run("lint", "--preset", "strict", "--disable", "SHIP3*", "--format", "json", CiTestPaths.Examples);

        Assert.Empty(result.JsonFindings("SHIP3"));
        Assert.NotEmpty(result.JsonFindings("SHIP4"));
    }

    [Fact]
    public void Security_off_in_the_configuration_silences_every_security_rule()
    {
        using var files = new TempFiles();
        var config = files.Write(".shipshape.yaml", "preset: strict\nrules:\n  security: off\n");

        var result = CliRunner.Run("lint", "--config", config, "--format", "json", CiTestPaths.Examples);

        Assert.Empty(result.JsonFindings("SHIP3"));
        Assert.NotEmpty(result.JsonFindings("SHIP4"));
    }

    [Fact]
    public void Preset_minimal_on_the_examples_reports_the_intended_errors_and_no_security_or_reliability_finding()
    {
        var result = CliRunner.Run("lint", "--preset", "minimal", "--format", "json", CiTestPaths.Examples);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["SHIP2001@10:12", "SHIP2004@17:27", "SHIP2005@17:26", "SHIP1001@7:13", "SHIP1002@19:11", "SHIP1001@22:22", "SHIP1004@24:13", "SHIP2004@30:18",
             "SHIP2003@13:19", "SHIP2002@20:3", "SHIP0002@10:7", "SHIP0001@17:8"],
            result.JsonFindings());
    }

    [Fact]
    public void An_enable_that_names_no_rule_is_a_usage_error()
    {
        var result = CliRunner.Run("lint", "--enable", "SHIP9*", CiTestPaths.Examples);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shipshape: --enable/--disable: 'SHIP9*' names no rule; give a rule ID (SHIP3003), a wildcard (SHIP3*) or a category (input, schema, consistency, security, reliability) ('shipshape rules' lists the IDs)\n", result.Stderr);
    }
}
