namespace Shipshape.Core.Loading;

/// <summary>
/// Expands the paths given on the command line: files as named, directories recursively for
/// <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> (in ordinal order, skipping hidden directories such as .git),
/// and <c>-</c> for standard input.
/// </summary>
public static class InputCollector
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<InputSource> Collect(IEnumerable<string> paths, Func<byte[]>? readStandardInput = null, Func<string, bool>? isExcluded = null)
    {
        var inputs = new List<InputSource>();
        var given = paths as IReadOnlyCollection<string> ?? [.. paths];

        // Only several paths can name a file twice (a directory and a file in it); one path needs no check.
        var seen = given.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var path in given)
        {
            if (path == "-")
            {
                var bytes = (readStandardInput ?? ReadStandardInput)();
                inputs.Add(InputSource.FromBytes(SourceFile.StandardInputPath, bytes));
                continue;
            }

            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateManifests(path))
                {
                    if (isExcluded?.Invoke(file) != true && (seen?.Add(Normalize(file)) ?? true))
                    {
                        inputs.Add(InputSource.FromFile(file));
                    }
                }

                continue;
            }

            if (!File.Exists(path))
            {
                throw new InputException($"{path}: no such file or directory");
            }

            // A file named explicitly is linted even when an exclude pattern matches it: the user asked for it.
            if (seen?.Add(Normalize(path)) ?? true)
            {
                inputs.Add(InputSource.FromFile(path));
            }
        }

        return inputs;
    }

    /// <summary>Standard input as bytes, so it is decoded exactly like a file.</summary>
    public static byte[] ReadStandardInput()
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static bool IsManifestFile(string path) =>
        ManifestExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static List<string> EnumerateManifests(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                foreach (var (name, isDirectory) in Entries(current))
                {
                    if (isDirectory)
                    {
                        if (!name.StartsWith('.'))
                        {
                            pending.Push(System.IO.Path.Combine(current, name));
                        }
                    }
                    else if (IsManifestFile(name))
                    {
                        found.Add(System.IO.Path.Combine(current, name));
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{current}: cannot read the directory: {exception.Message}", exception);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string Normalize(string path) => System.IO.Path.GetFullPath(path);

    /// <summary>The names in a directory and whether each is a directory, from one read of it and no stat per entry.</summary>
#if NET
    private static System.IO.Enumeration.FileSystemEnumerable<(string Name, bool IsDirectory)> Entries(string directory) =>
        new(directory, (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory));
#else
    private static IEnumerable<(string Name, bool IsDirectory)> Entries(string directory) =>
        new DirectoryInfo(directory).EnumerateFileSystemInfos().Select(entry => (entry.Name, entry is DirectoryInfo));
#endif
}
