namespace Shipshape.Core.Loading;

/// <summary>A problem with what the user asked to read (a missing path, an unreadable file): exit code 2, not a finding.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One thing to lint: a file on disk, or text already in hand (standard input, a test, the builder).</summary>
public sealed class InputSource
{
    private readonly string? _text;

    private InputSource(string path, string? text)
    {
        Path = path;
        _text = text;
    }

    public string Path { get; }

    public static InputSource FromFile(string path) => new(path, null);

    public static InputSource FromText(string path, string text) => new(path, text);

    /// <summary>Reads the file (UTF-8, or UTF-16/32 when a byte order mark says so).</summary>
    public SourceFile Read(LoaderLimits limits)
    {
        if (_text is not null)
        {
            return new SourceFile(Path, _text);
        }

        try
        {
            var info = new FileInfo(Path);
            if (info.Length > limits.MaxFileBytes)
            {
                throw new InputException($"{Path}: the file has {info.Length:N0} bytes, more than the limit of {limits.MaxFileBytes:N0}");
            }

            return new SourceFile(Path, File.ReadAllText(Path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path}: cannot read the file: {exception.Message}", exception);
        }
    }
}

/// <summary>
/// Expands the paths given on the command line: files as named, directories recursively for
/// <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> (in ordinal order, skipping hidden directories such as .git),
/// and <c>-</c> for standard input.
/// </summary>
public static class InputCollector
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<InputSource> Collect(IEnumerable<string> paths, Func<string>? readStandardInput = null, Func<string, bool>? isExcluded = null)
    {
        var inputs = new List<InputSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var text = (readStandardInput ?? Console.In.ReadToEnd)();
                inputs.Add(InputSource.FromText(SourceFile.StandardInputPath, text));
                continue;
            }

            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateManifests(path))
                {
                    if (isExcluded?.Invoke(file) != true && seen.Add(Normalize(file)))
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
            if (seen.Add(Normalize(path)))
            {
                inputs.Add(InputSource.FromFile(path));
            }
        }

        return inputs;
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
            IEnumerable<string> files, directories;
            try
            {
                files = Directory.EnumerateFiles(current).ToArray();
                directories = Directory.EnumerateDirectories(current).ToArray();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{current}: cannot read the directory: {exception.Message}", exception);
            }

            found.AddRange(files.Where(IsManifestFile));
            foreach (var child in directories)
            {
                if (!System.IO.Path.GetFileName(child).StartsWith('.'))
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string Normalize(string path) => System.IO.Path.GetFullPath(path);
}
