using System.Text.Json;
using System.Xml.Linq;
using Shipshape.Cli.Output;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules.Consistency;
using Shipshape.Core.Syntax;

namespace Shipshape.Cli.Tests;

public sealed class ReportFormatTests
{
    private static readonly string PortCollisionMessage = PortCollisionMessageFor(firstLine: 13);

    private const string PortCollisionPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: simple-echo
        spec:
          containers:
            - name: nginx
              image: nginx:1.27
              ports:
                - containerPort: 80
            - name: echo
              image: echo:1.0
              ports:
                - containerPort: 80

        """;

    private static string PortCollisionExample => Path.Combine(CiTestPaths.Examples, "broken", "pod-port-collision.yaml");

    [Fact]
    public void Github_format_prints_one_error_line_per_finding_with_the_repository_relative_file()
    {
        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "github", PortCollisionExample);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "::error file=examples/broken/pod-port-collision.yaml,line=17,col=26,endLine=17,endColumn=28,title=SHIP2005::" +
            PortCollisionMessage + "\n",
            result.Stdout);
    }

    [Fact]
    public void Github_format_escapes_the_file_property_of_a_file_outside_the_repository()
    {
        using var temp = new TempFiles();
        temp.Write("a,b:c%.yaml", PortCollisionPod);

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "github", temp.Root);

        Assert.Equal(
            $"::error file={temp.Root}/a%2Cb%3Ac%25.yaml,line=14,col=26,endLine=14,endColumn=28,title=SHIP2005::" +
            PortCollisionMessageFor(firstLine: 10) + "\n",
            result.Stdout);
    }

    [Theory]
    [InlineData("100% done\r\nnext", "100%25 done%0D%0Anext")]
    [InlineData("a:b,c", "a:b,c")]
    public void Github_message_escaping_follows_the_runner(string text, string escaped) =>
        Assert.Equal(escaped, GitHubFormatter.EscapeData(text));

    [Theory]
    [InlineData("dir/a,b:c%.yaml", "dir/a%2Cb%3Ac%25.yaml")]
    [InlineData("x\ny", "x%0Ay")]
    public void Github_property_escaping_also_escapes_colon_and_comma(string text, string escaped) =>
        Assert.Equal(escaped, GitHubFormatter.EscapeProperty(text));

    [Fact]
    public void Msbuild_format_prints_the_canonical_error_line()
    {
        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "msbuild", PortCollisionExample);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{PortCollisionExample}(17,26,17,28): error SHIP2005: {PortCollisionMessage}\n", result.Stdout);
    }

    [Fact]
    public void Sarif_result_has_the_json_formats_region_rule_index_and_a_repository_relative_uri()
    {
        using var temp = new TempFiles();
        var sarifPath = Path.Combine(temp.Root, "out.sarif");

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "json", "--format", "sarif", "--output", "-", "--output", sarifPath, PortCollisionExample);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var sarifResult = Assert.Single(run.GetProperty("results").EnumerateArray());
        var location = Assert.Single(sarifResult.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        var region = location.GetProperty("region");

        Assert.Equal("SHIP2005", sarifResult.GetProperty("ruleId").GetString());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[sarifResult.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("SHIP2005", rule.GetProperty("id").GetString());
        Assert.StartsWith("# SHIP2005: Port collision inside a pod", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", sarifResult.GetProperty("level").GetString());
        Assert.Equal(PortCollisionMessage, sarifResult.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("examples/broken/pod-port-collision.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(new Uri(CiTestPaths.Root + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.Equal(
            (17, 26, 17, 28),
            (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(),
             diagnostic.GetProperty("endLine").GetInt32(), diagnostic.GetProperty("endColumn").GetInt32()));
        Assert.Equal(
            (17, 26, 17, 28),
            (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
             region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void Sarif_of_a_clean_run_has_an_empty_results_array_and_is_byte_identical_between_runs()
    {
        var clean = Path.Combine(CiTestPaths.Examples, "echo-app");

        var first = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "sarif", "--threads", "1", clean);
        var second = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "sarif", "--threads", "2", clean);

        Assert.Equal(0, first.ExitCode);
        using var sarif = JsonDocument.Parse(first.Stdout);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(JsonValueKind.Array, results.ValueKind);
        Assert.Equal(0, results.GetArrayLength());
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public void Sarif_fingerprint_survives_edits_elsewhere_in_the_file_but_not_a_change_of_the_offending_line()
    {
        var original = SarifFingerprint(PortCollisionPod);
        var shifted = SarifFingerprint("# a comment\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n---\n" + PortCollisionPod);
        var offending = PortCollisionPod.LastIndexOf("containerPort: 80", StringComparison.Ordinal) + "containerPort: 80".Length;
        var changed = SarifFingerprint(PortCollisionPod.Insert(offending, "  # the sidecar's port"));

        Assert.Equal(14, original.Line);
        Assert.Equal(20, shifted.Line);
        Assert.Equal(original.Fingerprint, shifted.Fingerprint);
        Assert.NotEqual(original.Fingerprint, changed.Fingerprint);
    }

    [Fact]
    public void Sarif_carries_suppressed_findings_as_in_source_suppressions_which_other_formats_leave_out()
    {
        var report = SuppressedFindingReport();
        var finding = report.Diagnostics[0];
        using var temp = new TempFiles();

        var sarif = Format(new SarifFormatter(ArtifactLocations.For(temp.Root)), report);
        var github = Format(new GitHubFormatter(ArtifactLocations.For(temp.Root)), report);

        using var document = JsonDocument.Parse(sarif);
        var result = Assert.Single(document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        var suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal(finding.Suppression, suppression.GetProperty("justification").GetString());
        Assert.Equal(string.Empty, github);
    }

    [Fact]
    public void Junit_has_a_suite_per_file_and_a_case_per_object_where_clean_objects_pass()
    {
        var file = Path.Combine(CiTestPaths.Examples, "broken", "service-wrong-target.yaml");

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "junit", file);

        var root = XDocument.Parse(result.Stdout).Root!;
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal(file, (string?)suite.Attribute("name"));
        Assert.Equal(("3", "2"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        Assert.Equal(["Service 'backend'", "Service 'frontend'", "Deployment 'backend'"], cases.Keys);
        Assert.Null(cases["Deployment 'backend'"].Element("failure"));
        var failure = cases["Service 'backend'"].Element("failure")!;
        Assert.Equal("error", (string?)failure.Attribute("type"));
        Assert.StartsWith("SHIP2003: Service 'backend' targets port 8081", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal("warning", (string?)cases["Service 'frontend'"].Element("failure")!.Attribute("type"));
    }

    [Fact]
    public void Junit_puts_findings_about_the_file_itself_in_a_file_case()
    {
        using var temp = new TempFiles();
        var file = temp.Write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [unclosed\n");

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "junit", file);

        var suite = Assert.Single(XDocument.Parse(result.Stdout).Root!.Elements("testsuite"));
        var testCase = Assert.Single(suite.Elements("testcase"));
        Assert.Equal("(file)", (string?)testCase.Attribute("name"));
        Assert.StartsWith("SHIP0001: ", (string?)testCase.Element("failure")!.Attribute("message"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_format_and_output_pair_writes_the_file_and_nothing_to_stdout()
    {
        using var temp = new TempFiles();
        var output = Path.Combine(temp.Root, "reports", "report.json");

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "json", "--output", output, PortCollisionExample);

        Assert.Equal((1, string.Empty, string.Empty), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Contains("\"id\": \"SHIP2005\"", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_formats_pair_with_outputs_in_order_and_a_format_without_one_goes_to_stdout()
    {
        using var temp = new TempFiles();
        var sarif = Path.Combine(temp.Root, "a.sarif");
        var junit = Path.Combine(temp.Root, "a.xml");

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit, "--format", "msbuild", PortCollisionExample);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{PortCollisionExample}(17,26,17,28): error SHIP2005", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SHIP2005\"", File.ReadAllText(sarif), StringComparison.Ordinal);
        Assert.Contains("<testsuites name=\"shipshape\" tests=\"1\" failures=\"1\"", File.ReadAllText(junit), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--format", "json", "--format", "sarif" }, "shipshape: --format: only one report can go to standard output; give the others an --output FILE (the n-th --output goes with the n-th --format)\n")]
    [InlineData(new[] { "--output", "a.json", "--output", "b.json" }, "shipshape: --output: 2 outputs for 1 format(s); give one --format for each --output, in the same order\n")]
    [InlineData(new[] { "--format", "json", "--format", "sarif", "--output", "same", "--output", "same" }, "shipshape: --output: two reports would go to the same file; give each its own\n")]
    public void Ambiguous_format_and_output_combinations_are_usage_errors(string[] options, string message)
    {
        var result = CliRunner.Run(["lint", .. options, PortCollisionExample]);

        Assert.Equal((2, string.Empty, message), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public void An_output_that_is_a_linted_file_is_refused_and_the_file_left_alone()
    {
        using var temp = new TempFiles();
        var manifest = temp.Write("pod.yaml", PortCollisionPod);

        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "sarif", "--output", manifest, manifest);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"shipshape: --output: {manifest} is one of the linted files; Shipshape never writes to the files it lints\n", result.Stderr);
        Assert.Equal(PortCollisionPod, File.ReadAllText(manifest));
    }

    /// <summary>A report whose one finding is suppressed (built by hand, so it does not depend on how suppression is configured).</summary>
    internal static LintReport SuppressedFindingReport()
    {
        var finding = new Diagnostic
        {
            Descriptor = SHIP2005ContainerPortCollision.Rule,
            Severity = Severity.Error,
            Message = PortCollisionMessage,
            FilePath = "pod.yaml",
            Span = new SourceSpan(17, 26, 17, 28),
            Suppression = "annotation shipshape.io/ignore: the sidecar binds it in another network mode",
        };
        return new LintReport("1.30", [finding], new LintSummary(1, 1, 1, 0, 0, 0, 1), []);
    }

    private static string PortCollisionMessageFor(int firstLine) =>
        $"Port 80/TCP of container 'echo' is already declared by container 'nginx' on line {firstLine}; containers of a pod share one " +
        "network namespace, so only one of them can bind it: use a different port";

    private static (int Line, string Fingerprint) SarifFingerprint(string yaml)
    {
        var report = new LintEngine().Run([InputSource.FromText("deploy/pod.yaml", yaml)]);
        using var temp = new TempFiles();
        using var document = JsonDocument.Parse(Format(new SarifFormatter(ArtifactLocations.For(temp.Root)), report));
        var result = Assert.Single(document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "SHIP2005");
        return (
            result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
            result.GetProperty("partialFingerprints").GetProperty("shipshapeFindingHash/v1").GetString()!);
    }

    private static string Format(IReportFormatter formatter, LintReport report)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        formatter.Write(report, writer);
        return writer.ToString();
    }
}
