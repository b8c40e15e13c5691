using System.Diagnostics;

namespace Shipshape.Cli.Tests;

/// <summary>The result of one run of the real <c>shipshape</c> process under bash.</summary>
public sealed record ShellResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built CLI as its own process inside <c>bash -c</c>, so a test can give it what only a shell gives: standard
/// output on <c>/dev/full</c>, closed (<c>&gt;&amp;-</c>) or a pipe that closes early. The script calls the CLI as
/// <c>"$SHIPSHAPE" ARGS</c>; bash reports a death by signal N as exit code 128+N, so a signal never passes for exit 2.
/// </summary>
public static class RealCli
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "shipshape.dll");

    public static ShellResult Run(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"shipshape() {{ dotnet \"$SHIPSHAPE_DLL\" \"$@\"; }}\n{script}");
        start.Environment["SHIPSHAPE_DLL"] = Dll;
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"shipshape did not finish: {script}");
        return new ShellResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
