namespace Shipshape.Cli;

/// <summary>The tool's name and version for reports; <c>InformationalVersion</c> is written at build time (Shipshape.Cli.csproj).</summary>
public static partial class ToolInfo
{
    /// <summary>Where people read about the tool (SARIF's informationUri).</summary>
    public const string ProjectUrl = "https://github.com/shipshape-io/shipshape";

    /// <summary>The informational version without the source-revision suffix the SDK appends ("0.1.0+abc123").</summary>
    public static string Version => InformationalVersion.Split('+')[0];
}
