using System.Reflection;

namespace Shipshape.Cli;

public static class ToolInfo
{
    /// <summary>The informational version without the source-revision suffix the SDK appends ("0.1.0+abc123").</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
