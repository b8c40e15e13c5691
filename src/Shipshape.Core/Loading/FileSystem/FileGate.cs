namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// The one place where a path becomes a handle to read. Only regular files are opened, and only after their kind is
/// known (opening a FIFO blocks until something writes to it, a device like /dev/zero never ends); every read is
/// capped, so no file, configuration, schema or standard input can take more memory than its limit.
/// </summary>
public static class FileGate
{
    /// <summary>
    /// The largest OpenAPI document or JSON schema read: a cluster's /openapi/v2 with hundreds of custom resources is
    /// tens of megabytes, far below this.
    /// </summary>
    public const long MaxSchemaFileBytes = 256L * 1024 * 1024;

    /// <summary>The message for a path that names something other than a regular file or directory.</summary>
    public static string NotARegularFile(string path, PathKind kind) =>
        $"{path}: not a regular file (it is a {Describe(kind)}); give a file, a directory, or - for standard input";

    /// <summary>
    /// The status of a path the user named (an input, --config, --schema-file, a schema in --schema-location):
    /// anything but a regular file or directory is refused at once with an <see cref="InputException"/>.
    /// </summary>
    public static PathStatus RequireFileOrDirectory(string path)
    {
        var status = PathStatus.Of(path);
        return status.Kind is PathKind.RegularFile or PathKind.Directory or PathKind.Missing
            ? status
            : throw new InputException(NotARegularFile(path, status.Kind));
    }

    /// <summary>
    /// Opens a regular file for reading. Throws <see cref="InputException"/> for anything else, <see cref="IOException"/>
    /// or <see cref="UnauthorizedAccessException"/> when it cannot be read.
    /// </summary>
    public static Stream OpenRegularFile(string path, out long length)
    {
        var status = PathStatus.Of(path);
        if (status.Kind == PathKind.Missing)
        {
            throw new FileNotFoundException($"Could not find file '{path}'.", path);
        }

        if (!status.IsRegularFile)
        {
            throw new InputException(NotARegularFile(path, status.Kind));
        }

#if NET
        // On Linux and macOS: no advisory lock, and no system call the reading does not need (see UnixFile).
        if (!OperatingSystem.IsWindows() && UnixFile.TryOpenForReading(path, out length) is { } unlocked)
        {
            return unlocked;
        }
#endif

        // No read-ahead advice (FileOptions.SequentialScan): a manifest is read in one or two calls, and the advice was
        // one more system call per file.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.None);
        length = stream.Length;
        return stream;
    }

    /// <summary>
    /// The bytes of a regular file of at most <paramref name="maxBytes"/>; <paramref name="what"/> names it in the
    /// message ("the configuration") of the <see cref="InputException"/> for a file that is too large or unreadable.
    /// </summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        try
        {
            using var stream = OpenRegularFile(path, out var length);
            if (length > maxBytes || length > int.MaxValue)
            {
                throw new InputException($"{path}: {what} has {length:N0} bytes, more than the limit of {maxBytes:N0}");
            }

            // The length was known when the file was opened; a file that grows meanwhile is read only that far.
            var bytes = new byte[length];
            var filled = 0;
            int read;
            while (filled < bytes.Length && (read = stream.Read(bytes, filled, bytes.Length - filled)) > 0)
            {
                filled += read;
            }

            return filled == bytes.Length ? bytes : bytes.AsSpan(0, filled).ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read {what}: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Reads a stream (standard input) a block at a time and stops once it has more than <paramref name="maxBytes"/>:
    /// gigabytes piped in never take more memory than the limit. Returns null when the stream is longer.
    /// </summary>
    public static byte[]? ReadCapped(Stream stream, long maxBytes)
    {
        var cap = (int)Math.Min(maxBytes, int.MaxValue - 64);
        using var buffer = new MemoryStream();
        var block = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(block, 0, (int)Math.Min(block.Length, cap + 1L - buffer.Length))) > 0)
        {
            buffer.Write(block, 0, read);
            if (buffer.Length > cap)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// True when <paramref name="path"/> names this process's own standard input: /dev/stdin, /dev/fd/0,
    /// /proc/self/fd/0, or any path to the pipe or file descriptor 0 reads. Such a path is read as <c>-</c>.
    /// </summary>
    public static bool IsStandardInput(string path)
    {
        if (path is "/dev/stdin" or "/dev/fd/0" or "/proc/self/fd/0")
        {
            return true;
        }

#if NET
        if (!OperatingSystem.IsWindows() && UnixStat.TryQueryStandardInput() is { Kind: PathKind.Pipe or PathKind.Socket } standardInput)
        {
            var status = PathStatus.Of(path);
            return status.Kind == standardInput.Kind && status.Identity == standardInput.Identity;
        }
#endif
        return false;
    }

    private static string Describe(PathKind kind) => kind switch
    {
        PathKind.Pipe => "FIFO or pipe",
        PathKind.Socket => "socket",
        PathKind.CharacterDevice => "character device",
        PathKind.BlockDevice => "block device",
        PathKind.SymbolicLink => "symbolic link",
        _ => "special file",
    };
}
