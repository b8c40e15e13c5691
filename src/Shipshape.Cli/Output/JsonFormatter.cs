using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>The JSON contract of design.md, written field by field (no reflection, so it is AOT-safe and byte-stable).</summary>
public sealed class JsonFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer) => JsonText.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", "shipshape");
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        json.WriteString("kubernetesVersion", report.KubernetesVersion);
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in report.Active)
        {
            WriteDiagnostic(json, diagnostic);
            JsonText.FlushWhenLarge(json);
        }

        json.WriteEndArray();
        WriteSummary(json, report.Summary);
        if (report.Notes.Count > 0)
        {
            json.WriteStartArray("notes");
            foreach (var note in report.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    });

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("id", diagnostic.Id);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("message", diagnostic.Message);
        json.WriteString("file", diagnostic.FilePath);
        json.WriteNumber("line", diagnostic.Span.Line);
        json.WriteNumber("column", diagnostic.Span.Column);
        json.WriteNumber("endLine", diagnostic.Span.EndLine);
        json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
        if (diagnostic.Resource is { } resource)
        {
            json.WriteStartObject("resource");
            json.WriteString("apiVersion", resource.ApiVersion);
            json.WriteString("kind", resource.Kind);
            WriteStringOrNull(json, "name", resource.Name);
            WriteStringOrNull(json, "namespace", resource.Namespace);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("resource");
        }

        // Only findings in a `helm template` stream carry it, so other reports are unchanged byte for byte.
        if (diagnostic.Template is { } template)
        {
            json.WriteString("template", template);
        }

        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, LintSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("files", summary.Files);
        json.WriteNumber("documents", summary.Documents);
        json.WriteNumber("resources", summary.Resources);
        json.WriteNumber("errors", summary.Errors);
        json.WriteNumber("warnings", summary.Warnings);
        json.WriteNumber("infos", summary.Infos);
        json.WriteNumber("suppressed", summary.Suppressed);
        json.WriteNumber("skippedFiles", summary.SkippedFiles);
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
