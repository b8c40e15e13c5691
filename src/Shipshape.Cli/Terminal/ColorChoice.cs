namespace Shipshape.Cli.Terminal;

/// <summary>The <c>--color</c> option: colour on a terminal (auto), always, or never.</summary>
public enum ColorMode
{
    Auto,
    Always,
    Never,
}

/// <summary>Whether a text report gets ANSI colour.</summary>
public static class ColorChoice
{
    /// <summary>The values of <c>--color</c>, in <see cref="ColorMode"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "always", "never"];

    public static ColorMode Parse(string? name) => name switch
    {
        "always" => ColorMode.Always,
        "never" => ColorMode.Never,
        _ => ColorMode.Auto,
    };

    /// <summary>
    /// <c>always</c> and <c>never</c> are the user's word for this run and win over the environment (as no-color.org
    /// asks of command-line arguments). <c>auto</c> colours a terminal, unless NO_COLOR is set to a non-empty value
    /// (an empty NO_COLOR means nothing, per no-color.org) or TERM is <c>dumb</c>.
    /// </summary>
    public static bool UseColor(ColorMode mode, bool toTerminal, Func<string, string?> environment) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => toTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb",
    };
}
