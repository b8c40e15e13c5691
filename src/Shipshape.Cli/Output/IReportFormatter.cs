using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>Writes a report in one format. Formatters never decide the exit code; they only describe.</summary>
public interface IReportFormatter
{
    void Write(LintReport report, TextWriter writer);
}

public static class ReportFormats
{
    public static readonly string[] Names = ["text", "json", "sarif", "junit", "github", "msbuild", "gitlab"];

    public static IReportFormatter Create(string name, TextReportOptions text, bool useColor, ArtifactLocations locations) => name switch
    {
        "json" => new JsonFormatter(),
        "sarif" => new SarifFormatter(locations),
        "junit" => new JUnitFormatter(),
        "github" => new GitHubFormatter(locations),
        "msbuild" => new MsBuildFormatter(),
        "gitlab" => new GitLabFormatter(locations),
        _ => new TextFormatter(text, useColor),
    };
}
