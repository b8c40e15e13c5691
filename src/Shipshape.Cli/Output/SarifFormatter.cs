using System.Text;
using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Rules;

namespace Shipshape.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers): every rule with its documentation, and one
/// result per finding with an exact region, a repository-relative location, a fingerprint that survives unrelated
/// edits, and suppressed findings carried as suppressions rather than dropped. Written field by field (AOT-safe).
/// </summary>
public sealed class SarifFormatter(ArtifactLocations locations) : IReportFormatter
{
    private const string SourceRoot = "%SRCROOT%";
    private const string FingerprintKey = "shipshapeFindingHash/v1";

    public void Write(LintReport report, TextWriter writer)
    {
        var rules = RuleCatalog.Descriptors;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var fingerprints = new FindingFingerprints();
        JsonText.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", locations.RootUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex.TryGetValue(diagnostic.Id, out var index) ? index : null, fingerprints.Next(diagnostic, locations));
                JsonText.FlushWhenLarge(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "shipshape");
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.ProjectUrl);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Title));
            WriteText(json, "shortDescription", rule.Title);
            WriteText(json, "fullDescription", rule.Description);
            json.WriteString("helpUri", rule.HelpLink);
            var doc = RuleDocs.Get(rule.Id) ?? $"{rule.Description}\n\nSee {rule.HelpLink}";
            json.WriteStartObject("help");
            json.WriteString("text", doc);
            json.WriteString("markdown", doc);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue(rule.Category);
            var security = rule.Category == RuleCategory.Security;
            if (security)
            {
                // GitHub code scanning reads security-severity only on rules tagged "security".
                json.WriteStringValue("security");
            }

            json.WriteEndArray();
            if (security)
            {
                json.WriteString("security-severity", SecuritySeverity(rule.DefaultSeverity));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// GitHub ranks code-scanning alerts of security rules by this CVSS-like score: over 7.0 is high, 4.0 to 6.9 medium,
    /// below that low. A rule's default severity says how sure and how grave its finding is, so it picks the band.
    /// </summary>
    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "8.0",
        Severity.Warning => "5.5",
        _ => "3.0",
    };

    private void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int? ruleIndex, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        if (ruleIndex is { } index)
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(diagnostic.Severity));
        WriteText(json, "message", diagnostic.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (locations.RelativePath(diagnostic.FilePath) is { } relative)
        {
            json.WriteString("uri", FileUri.EscapeRelative(relative));
            json.WriteString("uriBaseId", SourceRoot);
        }
        else if (diagnostic.FilePath == Core.Loading.SourceFile.StandardInputPath)
        {
            json.WriteString("uri", FileUri.EscapeRelative(diagnostic.FilePath));
        }
        else
        {
            json.WriteString("uri", FileUri.FromFullPath(Path.GetFullPath(diagnostic.FilePath)));
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", diagnostic.Span.Line);
        json.WriteNumber("startColumn", diagnostic.Span.Column);
        json.WriteNumber("endLine", diagnostic.Span.EndLine);
        json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        if (diagnostic.Template is { } template)
        {
            WriteTemplateLocation(json, template);
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, fingerprint);
        json.WriteEndObject();
        if (diagnostic.Suppression is { } justification)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("justification", justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// The chart template that rendered the finding's document, as a related location. Its path is the one Helm wrote
    /// (relative to where the chart was rendered from, not necessarily to the repository), so it has no base and no region.
    /// </summary>
    private static void WriteTemplateLocation(Utf8JsonWriter json, string template)
    {
        json.WriteStartArray("relatedLocations");
        json.WriteStartObject();
        json.WriteNumber("id", 1);
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", FileUri.EscapeRelative(template));
        json.WriteEndObject();
        json.WriteEndObject();
        WriteText(json, "message", $"Rendered from the Helm template {template}");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>SARIF's rule name is an identifier: "Port collision inside a pod" becomes "PortCollisionInsideAPod".</summary>
    private static string PascalCase(string title)
    {
        var name = new StringBuilder(title.Length);
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = string.Concat(word.Where(char.IsLetterOrDigit));
            if (letters.Length > 0)
            {
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
            }
        }

        return name.ToString();
    }
}
