namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// Finds the manifest files under a directory. Each real directory is visited once (by device and inode, so a
/// symlink loop or a bind mount ends), a symbolic link is followed only when it stays inside the walked tree (or
/// with <c>--follow-symlinks</c>), hidden directories, node_modules and Helm charts are not entered, and files that
/// are known not to be manifests are skipped by name. FIFOs, sockets and devices are never opened: the reader
/// checks each file's kind before it opens it.
/// </summary>
public sealed class DirectoryWalker(bool followSymlinks)
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    private readonly HashSet<FileIdentity> _visitedDirectories = [];
    private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);

    /// <summary>The directories walked, by identity: a report written into one of them would be linted by the next run.</summary>
    public IReadOnlyCollection<FileIdentity> VisitedDirectories => _visitedDirectories;

    /// <summary>Files skipped because their names say they are not manifests.</summary>
    public int SkippedByName { get; private set; }

    /// <summary>Helm chart directories skipped, as reached.</summary>
    public List<string> HelmCharts { get; } = [];

    /// <summary>Symbolic links not followed because they lead out of the walked tree.</summary>
    public int LinksOutOfTree { get; private set; }

    public static bool IsManifestFile(string path)
    {
        foreach (var extension in ManifestExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks a file named on the command line as seen, so a walk over its directory does not add it again; false when it already was.</summary>
    public bool MarkSeen(string path) => _seenFiles.Add(RealPaths.Resolve(path));

    /// <summary>
    /// The files to lint under <paramref name="root"/> (in ordinal order of their paths), and a finding for each
    /// subdirectory that could not be read. <paramref name="isExcluded"/> is the configuration's exclude patterns.
    /// </summary>
    public List<InputSource> Walk(string root, Func<string, bool>? isExcluded)
    {
        var rootReal = RealPaths.Resolve(root);
        var found = new List<InputSource>();
        var pending = new Stack<(string Display, string Real)>();
        if (_visitedDirectories.Add(PathStatus.Of(root).Identity))
        {
            pending.Push((root, rootReal));
        }

        while (pending.Count > 0)
        {
            var (current, currentReal) = pending.Pop();
            List<(string Name, bool IsDirectory, bool IsLink)> entries;
            try
            {
                entries = Entries(current);
            }
            catch (DirectoryNotFoundException) when (current != root)
            {
                // Gone since it was listed (a process's directory under /proc): nothing to read.
                continue;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (current == root)
                {
                    throw new InputException($"{current}: cannot read the directory: {exception.Message}", exception);
                }

                found.Add(InputSource.Unreadable(current, $"the directory cannot be read, so its files were not linted: {exception.Message}"));
                continue;
            }

            if (current != root && IsHelmChart(entries))
            {
                HelmCharts.Add(current);
                continue;
            }

            foreach (var (name, isDirectory, isLink) in entries)
            {
                var path = Path.Combine(current, name);
                if (isLink && !isDirectory && !IsManifestFile(name))
                {
                    // A link to a file that would not be linted anyway (the thousands under /proc/*/fd): not resolved.
                    continue;
                }

                if (isLink)
                {
                    FollowLink(path, name, rootReal, pending, found, isExcluded);
                }
                else if (isDirectory)
                {
                    if (!KnownNonManifests.IsSkippedDirectory(name) && _visitedDirectories.Add(PathStatus.Of(path).Identity))
                    {
                        pending.Push((path, Path.Combine(currentReal, name)));
                    }
                }
                else
                {
                    AddFile(path, name, Path.Combine(currentReal, name), found, isExcluded);
                }
            }
        }

        found.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return found;
    }

    private void FollowLink(string path, string name, string rootReal, Stack<(string, string)> pending, List<InputSource> found, Func<string, bool>? isExcluded)
    {
        var real = RealPaths.Resolve(path);
        var target = PathStatus.Of(path);
        if (target.Kind == PathKind.Missing)
        {
            // A broken link with a manifest's name: reading it says why it cannot be read.
            AddFile(path, name, real, found, isExcluded);
            return;
        }

        if (!followSymlinks && !RealPaths.IsWithin(real, rootReal))
        {
            LinksOutOfTree++;
            return;
        }

        if (target.Kind == PathKind.Directory)
        {
            if (!KnownNonManifests.IsSkippedDirectory(name) && _visitedDirectories.Add(target.Identity))
            {
                pending.Push((path, real));
            }
        }
        else
        {
            AddFile(path, name, real, found, isExcluded);
        }
    }

    private void AddFile(string path, string name, string real, List<InputSource> found, Func<string, bool>? isExcluded)
    {
        if (!IsManifestFile(name) || isExcluded?.Invoke(path) == true)
        {
            return;
        }

        if (KnownNonManifests.IsNonManifestFile(name))
        {
            SkippedByName++;
            return;
        }

        if (_seenFiles.Add(real))
        {
            found.Add(InputSource.FromDiscoveredFile(path));
        }
    }

    /// <summary>A Helm chart: Chart.yaml beside templates/. Its templates are not YAML until rendered.</summary>
    private static bool IsHelmChart(List<(string Name, bool IsDirectory, bool IsLink)> entries) =>
        entries.Exists(e => !e.IsDirectory && e.Name == "Chart.yaml") && entries.Exists(e => e.IsDirectory && e.Name == "templates");

    /// <summary>
    /// The names in a directory, whether each is a directory (for a symbolic link: whether it leads to one) and whether
    /// it is a symbolic link, from one read of it and a stat only of the links (see <see cref="UnixDirectory"/>).
    /// </summary>
    private static List<(string Name, bool IsDirectory, bool IsLink)> Entries(string directory)
    {
#if NET
        if (!OperatingSystem.IsWindows() && UnixDirectory.TryRead(directory) is { } entries)
        {
            return entries;
        }

        return [.. new System.IO.Enumeration.FileSystemEnumerable<(string, bool, bool)>(
            directory,
            (ref System.IO.Enumeration.FileSystemEntry entry) =>
                (entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false })];
#else
        return new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .Select(entry => (entry.Name, entry is DirectoryInfo, (entry.Attributes & FileAttributes.ReparsePoint) != 0)).ToList();
#endif
    }
}
