using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>Writes a report in one format. Formatters never decide the exit code; they only describe.</summary>
public interface IReportFormatter
{
    void Write(LintReport report, TextWriter writer);
}

public static class ReportFormats
{
    public static readonly string[] Names = ["text", "json"];

    public static IReportFormatter Create(string name, bool useColor) => name switch
    {
        "json" => new JsonFormatter(),
        _ => new TextFormatter(useColor),
    };
}
