using System.Reflection;

namespace Shipshape.Cli;

public static class ToolInfo
{
    /// <summary>Where people read about the tool (SARIF's informationUri).</summary>
    public const string ProjectUrl = "https://github.com/shipshape-io/shipshape";

    /// <summary>The informational version without the source-revision suffix the SDK appends ("0.1.0+abc123").</summary>
    public static string Version => InformationalVersion.Split('+')[0];

    /// <summary>The version as <c>--version</c> prints it: with the commit it was built from ("0.1.0+abc123").</summary>
    public static string InformationalVersion { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
