namespace Shipshape.Cli.Output;

/// <summary>
/// Where reported files sit relative to the repository: CI front ends (SARIF, GitHub annotations) must name files
/// relative to the repository root, whatever directory the tool ran in and however the paths were given.
/// </summary>
public sealed class ArtifactLocations
{
    private ArtifactLocations(string root, bool isRepository)
    {
        Root = root;
        IsRepository = isRepository;
    }

    /// <summary>The repository root (the nearest directory upward holding .git), or the working directory outside a repository.</summary>
    public string Root { get; }

    public bool IsRepository { get; }

    /// <summary>Finds the repository root upward from <paramref name="workingDirectory"/>.</summary>
    public static ArtifactLocations For(string workingDirectory)
    {
        var start = Path.GetFullPath(workingDirectory);
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            // .git is a directory in a clone and a file in a worktree or submodule.
            var git = Path.Combine(directory, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return new ArtifactLocations(directory, isRepository: true);
            }
        }

        return new ArtifactLocations(start, isRepository: false);
    }

    /// <summary>
    /// The path relative to <see cref="Root"/> with forward slashes, or null when the file lies outside it
    /// (or is not a file at all, like standard input).
    /// </summary>
    public string? RelativePath(string path)
    {
        if (path == Core.Loading.SourceFile.StandardInputPath)
        {
            return null;
        }

        var relative = Path.GetRelativePath(Root, Path.GetFullPath(path));
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) ||
            relative.StartsWith("..\\", StringComparison.Ordinal))
        {
            return null;
        }

        return relative.Replace('\\', '/');
    }

    /// <summary>The root as an absolute <c>file:</c> URI ending in a slash, as SARIF's originalUriBaseIds wants it.</summary>
    public string RootUri => FileUri.FromFullPath(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar);
}
