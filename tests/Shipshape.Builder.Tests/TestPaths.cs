namespace Shipshape.Builder.Tests;

internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>shared/corpus/seed next to the repository, or next to a directory above it (a worktree of it).</summary>
    public static string Seed { get; } = FindSeed();

    /// <summary>shared/corpus/public: the manifests of public projects, beside the seed.</summary>
    public static string PublicCorpus => Path.Combine(Path.GetDirectoryName(Seed)!, "public");

    private static string FindSeed()
    {
        for (var directory = new DirectoryInfo(Root).Parent; directory is not null; directory = directory.Parent)
        {
            var seed = Path.Combine(directory.FullName, "shared", "corpus", "seed");
            if (Directory.Exists(seed))
            {
                return seed;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "seed"));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Linter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
    }
}
