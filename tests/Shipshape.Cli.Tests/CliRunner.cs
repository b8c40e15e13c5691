using System.Text.Json;

namespace Shipshape.Cli.Tests;

/// <summary>The result of one in-process run of the <c>shipshape</c> command.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    /// <summary>"SHIP2005@17:26" for each diagnostic of a JSON report.</summary>
    public string[] JsonFindings() =>
        Json.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()}@{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}")
            .ToArray();

    /// <summary>The <see cref="JsonFindings()"/> of the rules whose IDs start with one of <paramref name="idPrefixes"/> ("SHIP2").</summary>
    public string[] JsonFindings(params string[] idPrefixes) =>
        JsonFindings().Where(f => idPrefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal))).ToArray();
}

/// <summary>Runs the CLI in-process, exactly as Program.cs does, with captured output.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    public static CliResult RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = ShipshapeCli.Run(args, stdout, stderr, stdin is null ? null : () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Temporary manifest files for a test, deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "shipshape-tests", Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public static class Seed
{
    public static string Path(string name) => System.IO.Path.Combine(Directory, name);

    public static string Directory { get; } = FindSeed();

    /// <summary>shared/corpus/seed next to the repository, or next to a directory above it (a worktree of it).</summary>
    private static string FindSeed()
    {
        for (var directory = new DirectoryInfo(CiTestPaths.Root).Parent; directory is not null; directory = directory.Parent)
        {
            var seed = System.IO.Path.Combine(directory.FullName, "shared", "corpus", "seed");
            if (System.IO.Directory.Exists(seed))
            {
                return seed;
            }
        }

        throw new InvalidOperationException($"shared/corpus/seed not found next to {CiTestPaths.Root} or a directory above it");
    }
}
