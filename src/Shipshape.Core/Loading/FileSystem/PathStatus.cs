using System.Runtime.InteropServices;

namespace Shipshape.Core.Loading.FileSystem;

/// <summary>What a path names, as far as deciding whether to read it goes.</summary>
public enum PathKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    Pipe,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

/// <summary>
/// A path's kind, size and identity (device and inode), found without opening it: opening a FIFO blocks until a
/// writer comes, so the kind must be known first. On Unix this is stat(2)/lstat(2); elsewhere (Windows, and the
/// netstandard2.0 engine inside Roslyn hosts) the kind comes from file attributes and the identity is the resolved path.
/// </summary>
public readonly record struct PathStatus(PathKind Kind, long Size, FileIdentity Identity)
{
    public static PathStatus Missing { get; } = new(PathKind.Missing, 0, default);

    public bool IsRegularFile => Kind == PathKind.RegularFile;

    /// <summary>The status of what <paramref name="path"/> names, following symbolic links.</summary>
    public static PathStatus Of(string path) => Query(path, followLinks: true);

    /// <summary>The status of <paramref name="path"/> itself: a symbolic link is reported as one.</summary>
    public static PathStatus OfLink(string path) => Query(path, followLinks: false);

    private static PathStatus Query(string path, bool followLinks)
    {
#if NET
        if (!OperatingSystem.IsWindows() && UnixStat.TryQuery(path, followLinks) is { } status)
        {
            return status;
        }
#endif
        return Portable(path, followLinks);
    }

    /// <summary>From attributes: cannot tell a FIFO from a file, which only Unix has.</summary>
    private static PathStatus Portable(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return Missing;
            }

            var isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
            if (isLink && !followLinks)
            {
                return new PathStatus(PathKind.SymbolicLink, 0, FileIdentity.FromPath(Path.GetFullPath(path)));
            }

            var resolved = RealPaths.Resolve(path);
            return info is DirectoryInfo
                ? new PathStatus(PathKind.Directory, 0, FileIdentity.FromPath(resolved))
                : new PathStatus(PathKind.RegularFile, ((FileInfo)info).Length, FileIdentity.FromPath(resolved));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Missing;
        }
    }
}

/// <summary>
/// What makes two paths the same file: device and inode on Unix (so hard links and links through symlinked
/// directories are seen as one), the fully resolved path elsewhere.
/// </summary>
public readonly record struct FileIdentity(long Device, long Inode, string? ResolvedPath)
{
    public static FileIdentity FromPath(string resolvedPath) => new(0, 0, OperatingSystemCase(resolvedPath));

    public bool IsKnown => Inode != 0 || ResolvedPath is not null;

    /// <summary>Windows and macOS file systems ignore case by default: compare their paths without it.</summary>
    private static string OperatingSystemCase(string path) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? path : path.ToUpperInvariant();
}
