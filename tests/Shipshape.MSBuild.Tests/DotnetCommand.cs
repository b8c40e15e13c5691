using System.Diagnostics;
using System.Text;

namespace Shipshape.MSBuild.Tests;

/// <summary>
/// Runs the <c>dotnet</c> CLI on a sample project, with a package folder of its own, and collects its output. Shared by
/// the tests that use packed Shipshape packages (this project's, and the analyzer package test, which links this file).
/// </summary>
public static class DotnetCommand
{
    public static Task<CommandResult> RunAsync(string workingDirectory, string packages, params string[] arguments) =>
        ProcessRunner.RunAsync(workingDirectory, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments, environment =>
        {
            // The sample builds stand alone: none of the MSBuild settings of the build that runs these tests leak in.
            foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            {
                environment.Remove(name);
            }

            environment["NUGET_PACKAGES"] = packages;
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        });
}

/// <summary>Runs a program to its end (within a timeout) and collects its standard output and error as one text.</summary>
public static class ProcessRunner
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(20);

    public static Task<CommandResult> RunAsync(string workingDirectory, string fileName, params string[] arguments) =>
        RunAsync(workingDirectory, fileName, arguments, _ => { });

    public static async Task<CommandResult> RunAsync(string workingDirectory, string fileName, IEnumerable<string> arguments, Action<IDictionary<string, string?>> configureEnvironment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        configureEnvironment(start.Environment);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var readOutput = CopyLinesAsync(process.StandardOutput, output);
        var readError = CopyLinesAsync(process.StandardError, output);
        try
        {
            // The output streams end only when every process holding them has exited, build servers included.
            await Task.WhenAll(process.WaitForExitAsync(), readOutput, readError).WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {CommandTimeout}:\n{output}");
        }

        return new CommandResult(process.ExitCode, output.ToString());
    }

    private static async Task CopyLinesAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}

public sealed record CommandResult(int ExitCode, string Output);
