using Shipshape.Cli.Terminal;

namespace Shipshape.Cli.Output;

/// <summary>How the text report looks: colour, code frames, errors only.</summary>
/// <param name="Color">The <c>--color</c> choice; <see cref="ReportWriter"/> settles it per destination.</param>
/// <param name="ShowSource">Code frames under findings, grouped by file; false (<c>--no-source</c>) gives one line per finding.</param>
/// <param name="Quiet">The report lists errors only (<c>--quiet</c>); the summary says how many other findings it hid.</param>
/// <param name="Sources">Where code frames read the linted text again.</param>
/// <param name="Threads">Files whose code frames are read at once (<c>--threads</c>).</param>
public sealed record TextReportOptions(ColorMode Color, bool ShowSource, bool Quiet, SourceOpener Sources, int Threads = 1)
{
    public static TextReportOptions Default { get; } = new(ColorMode.Auto, ShowSource: true, Quiet: false, SourceOpener.None);
}
