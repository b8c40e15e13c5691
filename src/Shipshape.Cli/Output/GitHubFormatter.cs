using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands: one <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=SHIPnnnn::message</c>
/// line per finding (<c>::warning</c>, <c>::notice</c> for lesser ones), which the runner turns into annotations on the
/// pull request diff. Files are named relative to the repository root, as annotations require.
/// </summary>
public sealed class GitHubFormatter(ArtifactLocations locations) : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Active)
        {
            var span = diagnostic.Span;
            var file = locations.RelativePath(diagnostic.FilePath) ?? diagnostic.FilePath;
            writer.WriteLine(
                $"::{Command(diagnostic.Severity)} file={EscapeProperty(file)},line={span.Line},col={span.Column}," +
                $"endLine={span.EndLine},endColumn={span.EndColumn},title={EscapeProperty(diagnostic.Id)}::{EscapeData(diagnostic.Message)}");
        }
    }

    /// <summary>
    /// The runner's escaping for a command's message: %, CR and LF would otherwise end or corrupt the command. The
    /// other control characters (ESC sequences the log would render, NEL, LINE SEPARATOR) are then shown as escapes,
    /// as in every other format.
    /// </summary>
    public static string EscapeData(string text) =>
        SafeText.Escape(text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal));

    /// <summary>A property value additionally escapes the separators of the property list, ':' and ','.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
