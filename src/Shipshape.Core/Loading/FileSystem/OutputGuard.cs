namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// The one place that decides whether a report (or generated code) may be written to a path, and writes it. Paths
/// are compared by what they are, not how they are spelled: a symbolic link, a hard link or a symlinked directory
/// cannot turn a report into an overwrite of a linted file or of the configuration in use. A report is never written
/// through a symbolic link, and never where the next run over the same directories would lint it.
/// </summary>
public sealed class OutputGuard
{
    public const string LintedFile = "one of the linted files";

    public const string Configuration = "the configuration in use";

    public const string GeneratorInput = "one of the input files";

    private readonly IReadOnlyList<(string Path, string Role)> _protected;
    private readonly IReadOnlyCollection<FileIdentity> _walkedDirectories;

    /// <param name="protectedFiles">Files that must not be written, each with what it is ("one of the linted files").</param>
    /// <param name="walkedDirectories">Directories a walk linted: a manifest-named file in one would be linted next time.</param>
    public OutputGuard(IReadOnlyList<(string Path, string Role)> protectedFiles, IReadOnlyCollection<FileIdentity> walkedDirectories)
    {
        _protected = protectedFiles;
        _walkedDirectories = walkedDirectories;
    }

    /// <summary>Throws an <see cref="InputException"/> ("OPTION: PATH ...") when <paramref name="path"/> may not be written.</summary>
    public void Check(string path, string option)
    {
        var itself = PathStatus.OfLink(path);
        var target = itself.Kind == PathKind.SymbolicLink ? PathStatus.Of(path) : itself;
        if (itself.Kind == PathKind.SymbolicLink && target.Kind is PathKind.RegularFile or PathKind.Directory or PathKind.Missing)
        {
            throw new InputException($"{option}: {path} is a symbolic link; Shipshape never writes a report through a link, which could overwrite a file elsewhere. Remove the link or choose another path");
        }

        if (target.Kind == PathKind.Directory)
        {
            throw new InputException($"{option}: {path} is a directory; give a file name");
        }

        if (target.Kind == PathKind.RegularFile)
        {
            foreach (var (file, role) in _protected)
            {
                if (PathStatus.Of(file) is { IsRegularFile: true } status && status.Identity == target.Identity)
                {
                    throw new InputException($"{option}: {path} is {role}; Shipshape never writes to the files it {(role == LintedFile ? "lints" : "reads")}");
                }
            }
        }

        var name = Path.GetFileName(path);
        if (_walkedDirectories.Count > 0 && DirectoryWalker.IsManifestFile(name) && !KnownNonManifests.IsNonManifestFile(name) &&
            Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && _walkedDirectories.Contains(PathStatus.Of(directory).Identity))
        {
            throw new InputException($"{option}: {path} is inside a linted directory, so the next run would lint the report; write it outside, or name it *.sarif or *.xml");
        }
    }

    /// <summary>
    /// Writes a file that <see cref="Check"/> accepted. A regular file is written beside the target and renamed over
    /// it: a rename replaces a link rather than following it, and leaves other hard links of the old file as they
    /// were. A device or pipe (/dev/stdout, /dev/null) is written directly.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var target = PathStatus.Of(path);
        if (target.Kind is not (PathKind.RegularFile or PathKind.Missing))
        {
            using var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(file);
            }

#if NET
            File.Move(temporary, path, overwrite: true);
#else
            File.Delete(path);
            File.Move(temporary, path);
#endif
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
