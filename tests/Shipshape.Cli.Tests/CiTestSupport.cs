using System.Diagnostics;

namespace Shipshape.Cli.Tests;

/// <summary>Paths of the repository and of the tools scripts/install-test-tools.sh installs.</summary>
public static class CiTestPaths
{
    public static string Root { get; } = FindUpward(AppContext.BaseDirectory, "Linter.sln")
        ?? throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);

    public static string Examples => Path.Combine(Root, "examples");

    public static string SarifMultitool =>
        Path.Combine(Root, ".tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    private static string? FindUpward(string start, string name)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, name)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}

/// <summary>
/// Tests that run builds and external tools (the action's install step, the SARIF Multitool). They run alone, after
/// the parallel tests, so their CPU load cannot push another test past its time bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExternalProcessTests
{
    public const string Name = "External processes";
}

/// <summary>Runs an external program to completion, capturing its output.</summary>
public static class CiProcess
{
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, bool clearEnvironment = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (clearEnvironment)
        {
            start.Environment.Clear();
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}

/// <summary>
/// A configuration that turns the security and reliability rules off, for tests about report formats and the
/// action: their manifests are minimal on purpose, and those rules would add findings the tests are not about.
/// </summary>
public static class FocusedConfiguration
{
    public static string Text { get; } =
        "rules:\n" + string.Concat(Shipshape.Core.Rules.RuleCatalog.Descriptors
            .Where(d => d.Category is Shipshape.Core.Analysis.RuleCategory.Security or Shipshape.Core.Analysis.RuleCategory.Reliability)
            .Select(d => $"  {d.Id}: off\n"));

    /// <summary>A file holding <see cref="Text"/>, written beside the test binaries once per test run.</summary>
    public static string Path { get; } = Write();

    private static string Write()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "focused.shipshape.yaml");
        File.WriteAllText(path, Text);
        return path;
    }
}
