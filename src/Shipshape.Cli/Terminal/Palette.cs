using Shipshape.Core.Analysis;

namespace Shipshape.Cli.Terminal;

/// <summary>ANSI styles for the text report, or none: every method returns its text unchanged when colour is off.</summary>
public sealed class Palette
{
    private const string Reset = "\u001b[0m";

    private readonly bool _enabled;

    private Palette(bool enabled)
    {
        _enabled = enabled;
    }

    public static Palette Plain { get; } = new(enabled: false);

    public static Palette Ansi { get; } = new(enabled: true);

    public static Palette For(bool useColor) => useColor ? Ansi : Plain;

    /// <summary>A file's heading.</summary>
    public string Heading(string text) => Style("\u001b[1;4m", text);

    /// <summary>Secondary text: the object a finding is about, counts, hints.</summary>
    public string Dim(string text) => Style("\u001b[2m", text);

    /// <summary>The code frame's line numbers and bars, as rustc draws them.</summary>
    public string Gutter(string text) => Style("\u001b[1;34m", text);

    /// <summary>The severity word and the marker under the offending text: red errors, yellow warnings, cyan infos.</summary>
    public string Severity(Severity severity, string text) => Style(
        severity switch
        {
            Core.Analysis.Severity.Error => "\u001b[1;31m",
            Core.Analysis.Severity.Warning => "\u001b[1;33m",
            _ => "\u001b[1;36m",
        },
        text);

    private string Style(string code, string text) => _enabled && text.Length > 0 ? code + text + Reset : text;
}
