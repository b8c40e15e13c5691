using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Core.Loading;

/// <summary>What the paths given on the command line stand for: the inputs, and what walking them skipped.</summary>
public sealed record CollectedInputs(IReadOnlyList<InputSource> Inputs)
{
    /// <summary>Files skipped by name as known non-manifests (see <see cref="KnownNonManifests"/>).</summary>
    public int SkippedByName { get; init; }

    /// <summary>Sentences about what the walk left out (Helm charts, links out of the tree), for the report's notes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The directories walked, by identity, so no report is written where a later run would lint it.</summary>
    public IReadOnlyCollection<FileIdentity> WalkedDirectories { get; init; } = [];

    /// <summary>The paths as given, for "no Kubernetes manifests found in ...".</summary>
    public IReadOnlyList<string> GivenPaths { get; init; } = [];
}

/// <summary>
/// Expands the paths given on the command line: files as named, directories recursively for <c>*.yaml</c>,
/// <c>*.yml</c> and <c>*.json</c> (see <see cref="DirectoryWalker"/> for what a walk skips), and <c>-</c> for standard
/// input. A path naming a FIFO, socket or device is refused before it is opened: only <c>-</c> (or a path that is
/// this process's own standard input, such as /dev/stdin) is read as a stream.
/// </summary>
public static class InputCollector
{
    public static IReadOnlyList<InputSource> Collect(IEnumerable<string> paths, Func<Stream>? openStandardInput = null, Func<string, bool>? isExcluded = null) =>
        Gather(paths, openStandardInput, isExcluded).Inputs;

    public static CollectedInputs Gather(IEnumerable<string> paths, Func<Stream>? openStandardInput = null, Func<string, bool>? isExcluded = null, bool followSymlinks = false)
    {
        var inputs = new List<InputSource>();
        var given = paths as IReadOnlyList<string> ?? [.. paths];
        var walker = new DirectoryWalker(followSymlinks);

        // Only several paths can name a file twice (a directory and a file in it); one path needs no check.
        var checkTwice = given.Count > 1;
        foreach (var path in given)
        {
            if (path == "-" || FileGate.IsStandardInput(path))
            {
                inputs.Add(InputSource.FromStream(SourceFile.StandardInputPath, openStandardInput ?? OpenStandardInput));
                continue;
            }

            var status = FileGate.RequireFileOrDirectory(path);
            if (status.Kind == PathKind.Directory)
            {
                inputs.AddRange(walker.Walk(path, isExcluded));
                continue;
            }

            if (status.Kind == PathKind.Missing)
            {
                throw new InputException($"{path}: no such file or directory");
            }

            // A file named explicitly is linted even when an exclude pattern or the list of non-manifests matches it: the user asked for it.
            if (!checkTwice || walker.MarkSeen(path))
            {
                inputs.Add(InputSource.FromFile(path));
            }
        }

        var notes = new List<string>();
        if (walker.HelmCharts.Count > 0)
        {
            notes.Add($"skipped {Plural(walker.HelmCharts.Count, "Helm chart")} ({string.Join(", ", walker.HelmCharts)}): a chart's templates are not " +
                      $"manifests until rendered; lint its output instead, as in: helm template {walker.HelmCharts[0]} | shipshape lint -");
        }

        if (walker.LinksOutOfTree > 0)
        {
            notes.Add($"did not follow {Plural(walker.LinksOutOfTree, "symbolic link")} leading out of the linted directories; --follow-symlinks follows them");
        }

        return new CollectedInputs(inputs)
        {
            SkippedByName = walker.SkippedByName,
            Notes = notes,
            WalkedDirectories = walker.VisitedDirectories,
            GivenPaths = given,
        };
    }

    /// <summary>This process's standard input, read as a stream: only as much of it as the size limit allows is ever held.</summary>
    public static Stream OpenStandardInput() => Console.OpenStandardInput();

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
