using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>
/// GitLab's Code Quality report (<c>artifacts: reports: codequality</c>): a JSON array of issues, each with a
/// description, the rule as check_name, a fingerprint, a severity (info|minor|major|critical|blocker) and the file
/// relative to the repository root with its lines, which the merge request widget and diff show. Suppressed findings
/// are left out: Code Quality has no way to carry them. Written field by field (AOT-safe).
/// </summary>
public sealed class GitLabFormatter(ArtifactLocations locations) : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        var fingerprints = new FindingFingerprints();
        JsonText.Write(writer, json =>
        {
            json.WriteStartArray();
            foreach (var diagnostic in report.Diagnostics)
            {
                // Every finding takes its turn, suppressed or not, so a fingerprint equals the SARIF report's.
                var fingerprint = fingerprints.Next(diagnostic, locations);
                if (!diagnostic.IsSuppressed)
                {
                    WriteIssue(json, diagnostic, fingerprint);
                    JsonText.FlushWhenLarge(json);
                }
            }

            json.WriteEndArray();
        });
    }

    private void WriteIssue(Utf8JsonWriter json, Diagnostic diagnostic, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("description", diagnostic.Message);
        json.WriteString("check_name", diagnostic.Id);
        json.WriteString("fingerprint", fingerprint);
        json.WriteString("severity", Severity(diagnostic.Severity));
        json.WriteStartObject("location");
        json.WriteString("path", locations.RelativePath(diagnostic.FilePath) ?? diagnostic.FilePath);
        json.WriteStartObject("lines");
        json.WriteNumber("begin", diagnostic.Span.Line);
        json.WriteNumber("end", diagnostic.Span.EndLine);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>An error breaks the manifest or its rollout (major); a warning is worth fixing (minor).</summary>
    private static string Severity(Severity severity) => severity switch
    {
        Core.Analysis.Severity.Error => "major",
        Core.Analysis.Severity.Warning => "minor",
        _ => "info",
    };
}
