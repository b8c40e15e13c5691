using System.Text.Json;
using System.Xml.Linq;
using Shipshape.Cli.Terminal;

namespace Shipshape.Cli.Tests;

/// <summary>
/// File names, keys and values that hold control, C1 and bidirectional characters, line separators and terminal escape
/// sequences: every format stays well-formed, and no line we print carries them raw or starts with <c>::</c> unless
/// the github format wrote it.
/// </summary>
public sealed class HostileStringTests : IDisposable
{
    /// <summary>A name with an ESC colour sequence, a newline that starts a forged workflow command, and a C0 control.</summary>
    private const string HostileName = "bad\u001b[31m\n::error x\u0001.yaml";

    private const string EscapedName = "bad\\x1b[31m\\n::error x\\x01.yaml";

    private readonly TempFiles _files = new();
    private readonly string _path;

    public HostileStringTests()
    {
        // The name and label rules quote the hostile strings; the focused configuration would turn them off.
        _files.Write(".shipshape.yaml", FocusedConfiguration.Text
            .Replace("  SHIP4013: off\n", string.Empty, StringComparison.Ordinal)
            .Replace("  SHIP4014: off\n", string.Empty, StringComparison.Ordinal));
        _path = _files.Write(HostileName, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: "web\x1b[2J\x01"
              labels:
                "a\x1b[31m\n::error::x\0\x85\u2028\u2029\x9b\u202e": "v"
            spec:
              "bogus\x1b]0;title\x07\n::add-mask::secret": 1
              containers:
                - name: web
                  image: nginx:1.27

            """);
    }

    public static TheoryData<string> LineFormats => new("text", "msbuild", "github");

    [Theory]
    [MemberData(nameof(LineFormats))]
    public void Line_formats_escape_every_control_character(string format)
    {
        var result = CliRunner.Run("lint", "--format", format, "--config", Path.Combine(_files.Root, ".shipshape.yaml"), _path);

        Assert.Equal((1, string.Empty), (result.ExitCode, result.Stderr));
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        foreach (var line in lines)
        {
            Assert.DoesNotContain(line, c => c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\u202e');
            Assert.True(format == "github" ? line.StartsWith("::", StringComparison.Ordinal) : !line.StartsWith("::", StringComparison.Ordinal), line);
        }

        var findings = lines.Where(l => l.Contains("SHIP4014", StringComparison.Ordinal) || l.Contains("SHIP1002", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, findings.Length);
        var label = "Label key 'a\\x1b[31m\\n::error::x\\x00\\x85\\u2028\\u2029\\x9b\\u202e' is not valid";
        var field = "spec.bogus\\x1b]0;title\\x07\\n::add-mask::secret is not a field of v1 Pod";
        var file = Path.Combine(_files.Root, EscapedName);
        switch (format)
        {
            case "text":
                Assert.StartsWith($"{file}:6:5: error SHIP4014 {label}", findings[0], StringComparison.Ordinal);
                Assert.StartsWith($"{file}:8:3: warning SHIP1002 {field}", findings[1], StringComparison.Ordinal);
                break;
            case "msbuild":
                Assert.StartsWith($"{file}(6,5,6,", findings[0], StringComparison.Ordinal);
                Assert.Contains($"): error SHIP4014: {label}", findings[0], StringComparison.Ordinal);
                Assert.Contains($"): warning SHIP1002: {field}", findings[1], StringComparison.Ordinal);
                break;
            default:
                Assert.StartsWith("::error file=", findings[0], StringComparison.Ordinal);
                // The runner's own escaping for CR and LF (%0D, %0A), the escapes of every format for the rest.
                Assert.Contains(",title=SHIP4014::" + label.Replace("\\n", "%0A", StringComparison.Ordinal), findings[0], StringComparison.Ordinal);
                Assert.Contains("bad\\x1b[31m%0A%3A%3Aerror x\\x01.yaml,line=8,col=3,", findings[1], StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void Junit_is_well_formed_xml_with_the_characters_escaped()
    {
        var result = CliRunner.Run("lint", "--format", "junit", "--config", Path.Combine(_files.Root, ".shipshape.yaml"), _path);

        Assert.Equal((1, string.Empty), (result.ExitCode, result.Stderr));
        var suite = Assert.Single(XDocument.Parse(result.Stdout).Root!.Elements("testsuite"));
        Assert.Equal(Path.Combine(_files.Root, EscapedName), suite.Attribute("name")!.Value);
        var testCase = Assert.Single(suite.Elements("testcase"));
        Assert.Equal("Pod 'web\\x1b[2J\\x01'", testCase.Attribute("name")!.Value);
        var failure = testCase.Element("failure")!;
        Assert.StartsWith("SHIP4013: Name 'web\\x1b[2J\\x01' of Pod is not valid", failure.Attribute("message")!.Value, StringComparison.Ordinal);

        // One line per finding: a newline from the input is an escape, never the start of a line of its own.
        Assert.Equal(3, failure.Value.Split('\n').Length);
        Assert.All(failure.Value.Split('\n'), line => Assert.StartsWith(Path.Combine(_files.Root, EscapedName) + ":", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("gitlab")]
    public void Json_formats_carry_the_strings_exactly(string format)
    {
        var result = CliRunner.Run("lint", "--format", format, "--config", Path.Combine(_files.Root, ".shipshape.yaml"), _path);

        Assert.Equal((1, string.Empty), (result.ExitCode, result.Stderr));
        using var document = JsonDocument.Parse(result.Stdout);
        var messages = format switch
        {
            "json" => document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()!).ToArray(),
            "gitlab" => document.RootElement.EnumerateArray().Select(i => i.GetProperty("description").GetString()!).ToArray(),
            _ => document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("message").GetProperty("text").GetString()!).ToArray(),
        };
        Assert.Contains(messages, m => m.StartsWith("Label key 'a\u001b[31m\n::error::x\0\u0085\u2028\u2029\u009b\u202e' is not valid", StringComparison.Ordinal));
        if (format == "json")
        {
            Assert.Equal(_path, document.RootElement.GetProperty("diagnostics")[0].GetProperty("file").GetString());
        }
    }

    [Fact]
    public void A_percent_in_a_file_name_stays_escaped_in_sarif_uris()
    {
        var path = _files.Write("%41 #x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndatta: 1\n");

        var result = CliRunner.Run("lint", "--format", "sarif", "--config", Path.Combine(_files.Root, ".shipshape.yaml"), path);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Stderr));
        using var document = JsonDocument.Parse(result.Stdout);
        var uri = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.EndsWith("/%2541%20%23x.yaml", uri, StringComparison.Ordinal);
        Assert.Equal(path, new Uri(uri).LocalPath);
    }

    [Fact]
    public void A_configuration_key_holding_a_workflow_command_reaches_stderr_as_one_escaped_line()
    {
        var config = _files.Write("forged/.shipshape.yaml", "\"x\\n::error::forged\\n::add-mask::y\\e[2J\": 1\n");

        var result = CliRunner.Run("lint", "--config", config, _path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"shipshape: {config}:1:1: unknown key 'x\\n::error::forged\\n::add-mask::y\\x1b[2J'; the configuration's keys are ",
            result.Stderr[..result.Stderr.IndexOf("are ", StringComparison.Ordinal)] + "are ");
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void An_argument_holding_a_workflow_command_reaches_stderr_as_one_escaped_line()
    {
        var result = CliRunner.Run("lint", "--kubernetes-version", "1.30\n::error::forged", _path);

        Assert.Equal((2, "shipshape: --kubernetes-version: '1.30\\n::error::forged' is not a version like 1.30\n"), (result.ExitCode, result.Stderr));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("\u001b[31mred", "\\x1b[31mred")]
    [InlineData("nul\0del\u007fcsi\u009b", "nul\\x00del\\x7fcsi\\x9b")]
    [InlineData("nel\u0085ls\u2028ps\u2029", "nel\\x85ls\\u2028ps\\u2029")]
    [InlineData("rlo\u202eiso\u2066", "rlo\\u202eiso\\u2066")]
    [InlineData("non\uffffchar", "non\\uffffchar")]
    public void Escape_shows_unsafe_characters_as_escapes(string text, string expected) =>
        Assert.Equal(expected, SafeText.Escape(text));

    [Fact]
    public void Escape_shows_lone_surrogates_and_keeps_pairs()
    {
        // In a Fact rather than InlineData: a lone surrogate does not survive the serialization of theory data.
        Assert.Equal("lone\\ud800high \\udc00low", SafeText.Escape("lone\ud800high \udc00low"));
        Assert.Equal("pair \ud83d\ude00 stays", SafeText.Escape("pair \ud83d\ude00 stays"));
        Assert.Equal("end high\\ud83d", SafeText.Escape("end high\ud83d"));
    }

    [Theory]
    [InlineData("::error x.yaml", "./::error x.yaml")]
    [InlineData(":x.yaml", ":x.yaml")]
    [InlineData("k8s/::x.yaml", "k8s/::x.yaml")]
    public void A_path_never_starts_a_line_with_a_workflow_command(string path, string expected) =>
        Assert.Equal(expected, SafeText.LineStartPath(path));

    public void Dispose() => _files.Dispose();
}
