using System.Text.Json;
using NJsonSchema;
using Shipshape.Cli.Output;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules.Consistency;
using Shipshape.Core.Syntax;

namespace Shipshape.Cli.Tests;

/// <summary>
/// <c>--format gitlab</c>: GitLab's Code Quality report, each issue checked against the schema GitLab's own parser
/// validates with (<c>Schemas/gitlab-codeclimate.json</c>), and the severities GitLab's documentation names.
/// </summary>
public sealed class GitLabFormatTests
{
    private static readonly string[] GitLabSeverities = ["info", "minor", "major", "critical", "blocker"];

    private static string PortCollisionExample => Path.Combine(CiTestPaths.Examples, "broken", "pod-port-collision.yaml");

    [Fact]
    public async Task Every_issue_of_a_report_with_many_findings_validates_against_gitlabs_schema()
    {
        var schema = await GitLabSchema();

        var result = CliRunner.Run("lint", "--format", "gitlab", Path.Combine(CiTestPaths.Examples, "broken"));

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, report.RootElement.ValueKind);
        Assert.True(report.RootElement.GetArrayLength() > 5, result.Stdout);
        foreach (var issue in report.RootElement.EnumerateArray())
        {
            Assert.Empty(schema.Validate(issue.GetRawText()));
            Assert.Contains(issue.GetProperty("severity").GetString(), GitLabSeverities);
            Assert.StartsWith("examples/broken/", issue.GetProperty("location").GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.Matches("^SHIP[0-9]{4}$", issue.GetProperty("check_name").GetString());
        }
    }

    [Fact]
    public async Task The_schema_check_refuses_an_issue_without_a_fingerprint()
    {
        var schema = await GitLabSchema();

        var errors = schema.Validate("""{"description": "d", "severity": "major", "location": {"path": "a.yaml", "lines": {"begin": "1"}}}""");

        Assert.Equal(["begin", "fingerprint"], errors.Select(e => e.Property).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void An_issue_names_the_rule_the_message_the_repository_relative_file_and_its_lines()
    {
        var result = CliRunner.Run("lint", "--config", FocusedConfiguration.Path, "--format", "gitlab", PortCollisionExample);

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        var issue = Assert.Single(report.RootElement.EnumerateArray());
        Assert.Equal(
            "Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 13; containers of a pod share one " +
            "network namespace, so only one of them can bind it: use a different port",
            issue.GetProperty("description").GetString());
        Assert.Equal("SHIP2005", issue.GetProperty("check_name").GetString());
        Assert.Equal("major", issue.GetProperty("severity").GetString());
        var location = issue.GetProperty("location");
        Assert.Equal("examples/broken/pod-port-collision.yaml", location.GetProperty("path").GetString());
        Assert.Equal((17, 17), (location.GetProperty("lines").GetProperty("begin").GetInt32(), location.GetProperty("lines").GetProperty("end").GetInt32()));
        Assert.Matches("^[0-9a-f]{32}:1$", issue.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void Severities_map_error_to_major_warning_to_minor_and_info_to_info()
    {
        Diagnostic Finding(Severity severity, int line) => new()
        {
            Descriptor = SHIP2005ContainerPortCollision.Rule,
            Severity = severity,
            Message = "m",
            FilePath = "pod.yaml",
            Span = new SourceSpan(line, 1, line, 2),
        };
        var report = new LintReport("1.30", [Finding(Severity.Error, 1), Finding(Severity.Warning, 2), Finding(Severity.Info, 3)], new LintSummary(1, 1, 3, 1, 1, 1, 0), []);
        using var temp = new TempFiles();

        using var document = JsonDocument.Parse(Format(new GitLabFormatter(ArtifactLocations.For(temp.Root)), report));

        Assert.Equal(["major", "minor", "info"], document.RootElement.EnumerateArray().Select(i => i.GetProperty("severity").GetString()).ToArray());
    }

    [Fact]
    public void The_fingerprint_is_the_sarif_reports_so_both_track_a_finding_alike()
    {
        const string twoCollisions = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n" +
            "    - name: a\n      image: a:1\n      ports:\n        - containerPort: 80\n" +
            "    - name: b\n      image: b:1\n      ports:\n        - containerPort: 80\n" +
            "    - name: c\n      image: c:1\n      ports:\n        - containerPort: 80\n";
        var report = new LintEngine().Run([InputSource.FromText("deploy/pod.yaml", twoCollisions)]);
        using var temp = new TempFiles();
        var locations = ArtifactLocations.For(temp.Root);

        using var gitlab = JsonDocument.Parse(Format(new GitLabFormatter(locations), report));
        using var sarif = JsonDocument.Parse(Format(new SarifFormatter(locations), report));

        var gitlabFingerprints = gitlab.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToArray();
        var sarifFingerprints = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("shipshapeFindingHash/v1").GetString()).ToArray();
        Assert.Equal(sarifFingerprints, gitlabFingerprints);
        Assert.Equal(gitlabFingerprints.Length, gitlabFingerprints.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(report.Diagnostics, d => d.Id == "SHIP2005");
    }

    [Fact]
    public void Suppressed_findings_are_left_out()
    {
        using var temp = new TempFiles();

        var text = Format(new GitLabFormatter(ArtifactLocations.For(temp.Root)), ReportFormatTests.SuppressedFindingReport());

        Assert.Equal("[]\n", text);
    }

    private static Task<JsonSchema> GitLabSchema() =>
        JsonSchema.FromFileAsync(Path.Combine(CiTestPaths.Root, "tests", "Shipshape.Cli.Tests", "Schemas", "gitlab-codeclimate.json"), TestContext.Current.CancellationToken);

    private static string Format(IReportFormatter formatter, LintReport report)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        formatter.Write(report, writer);
        return writer.ToString();
    }
}
