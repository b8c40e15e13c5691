using System.Diagnostics;

namespace Shipshape.Cli.Tests;

/// <summary>
/// Runs the built CLI as a process with an outer time limit, for inputs that could hang or crash it: a regression
/// then fails the test (killed after the limit) instead of hanging the test run or taking the test host down.
/// </summary>
public static class ShipshapeProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "shipshape.dll");

    /// <param name="standardInput">Written to the process's standard input through a pipe, then closed; null leaves it empty.</param>
    /// <param name="prefix">A program to run the CLI under (setpriv, to drop a capability), with its arguments.</param>
    public static CliResult Run(TimeSpan limit, string workingDirectory, IEnumerable<string> arguments, Action<Stream>? standardInput = null, string[]? prefix = null)
    {
        string[] command = [.. prefix ?? [], "dotnet", Dll, .. arguments];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var feeding = Task.Run(() =>
        {
            try
            {
                standardInput?.Invoke(process.StandardInput.BaseStream);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The CLI stopped reading (as it must past the size limit): the rest is not wanted.
            }
        });
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"shipshape {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds} s");
        }

        process.WaitForExit();
        feeding.Wait(TimeSpan.FromSeconds(5));
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
