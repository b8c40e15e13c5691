using System.Diagnostics;

namespace Shipshape.Cli.Tests;

/// <summary>Runs the CLI in process, as <c>shipshape ARGS</c>, capturing what it prints.</summary>
public static class CiCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = ShipshapeCli.Run(args, stdout, stderr);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Paths of the repository, of ../shared/corpus, and of the tools scripts/install-test-tools.sh installs.</summary>
public static class CiTestPaths
{
    public static string Root { get; } = FindUpward(AppContext.BaseDirectory, "Linter.sln")
        ?? throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The seed corpus in shared/corpus next to the repository (or next to a directory above it, for worktrees).</summary>
    public static string Seed
    {
        get
        {
            for (var directory = Path.GetDirectoryName(Root); directory is not null; directory = Path.GetDirectoryName(directory))
            {
                var seed = Path.Combine(directory, "shared", "corpus", "seed");
                if (Directory.Exists(seed))
                {
                    return seed;
                }
            }

            throw new InvalidOperationException($"shared/corpus/seed not found next to {Root} or a directory above it");
        }
    }

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

/// <summary>A fresh directory under the system temp folder, deleted at the end of the test.</summary>
public sealed class CiTempDirectory : IDisposable
{
    public CiTempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shipshape-ci-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
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
