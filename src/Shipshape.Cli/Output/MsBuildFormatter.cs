using Shipshape.Cli.Terminal;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>
/// The canonical MSBuild/Visual Studio error format, <c>file(line,col,endLine,endCol): error SHIPnnnn: message</c>,
/// which MSBuild's Exec task, Visual Studio, VS Code and GitHub's dotnet problem matcher all recognise.
/// </summary>
public sealed class MsBuildFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var diagnostic in report.Active)
        {
            var span = diagnostic.Span;
            // File names and messages quote the input; escaped, they cannot break the line or start a runner command.
            // Only "error" and "warning" are canonical categories; an info finding stays an "info" line, never a warning.
            writer.WriteLine(
                $"{SafeText.LineStartPath(diagnostic.FilePath)}({span.Line},{span.Column},{span.EndLine},{span.EndColumn}): " +
                $"{Core.Analysis.SeverityNames.ToName(diagnostic.Severity)} {diagnostic.Id}: {SafeText.Escape(diagnostic.Message)}");
        }
    }
}
