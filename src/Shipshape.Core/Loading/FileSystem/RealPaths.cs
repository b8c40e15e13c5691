using System.Runtime.InteropServices;

namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// realpath(3) in managed code: the absolute path with every symbolic link along it resolved, so "is this link's
/// target inside the linted tree?" is a question about strings that cannot be fooled by a link in the middle.
/// </summary>
public static class RealPaths
{
    /// <summary>Links followed for one path before it is taken as a loop (Linux's own limit, MAXSYMLINKS, is 40).</summary>
    private const int MaxLinks = 40;

    /// <summary>The resolved absolute path; a part that does not exist is kept as written.</summary>
    public static string Resolve(string path)
    {
        var pending = new Stack<string>(Components(Path.GetFullPath(path)).Reverse());
        var resolved = Path.GetPathRoot(Path.GetFullPath(path)) ?? string.Empty;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var candidate = Path.Combine(resolved, part);
            string? target = null;
            if (links < MaxLinks)
            {
                target = LinkTarget(candidate);
            }

            if (target is null)
            {
                resolved = candidate;
                continue;
            }

            links++;
            var absolute = Path.IsPathRooted(target) ? target : Path.Combine(resolved, target);
            foreach (var component in Components(Path.GetFullPath(absolute)).Reverse())
            {
                pending.Push(component);
            }

            resolved = Path.GetPathRoot(Path.GetFullPath(absolute)) ?? resolved;
        }

        return resolved;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies under it (both resolved).</summary>
    public static bool IsWithin(string path, string directory)
    {
        var comparison = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var root = directory.Length > 1 ? directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : directory;
        if (root.Length == 0 || root[root.Length - 1] == Path.DirectorySeparatorChar || root[root.Length - 1] == ':')
        {
            // A file system root ("/", "C:\"): everything on it is within it.
            return path.StartsWith(root, comparison);
        }

        return path.Equals(root, comparison) ||
               (path.StartsWith(root, comparison) && (path[root.Length] == Path.DirectorySeparatorChar || path[root.Length] == Path.AltDirectorySeparatorChar));
    }

    /// <summary>Where the symbolic link at <paramref name="path"/> points, as written in it; null for anything else.</summary>
    private static string? LinkTarget(string path)
    {
#if NET
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
#else
        // netstandard2.0 (Roslyn hosts, given files one by one) cannot read links: paths are taken as written.
        _ = path;
        return null;
#endif
    }

    private static string[] Components(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        return fullPath.Substring(root.Length).Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }
}
