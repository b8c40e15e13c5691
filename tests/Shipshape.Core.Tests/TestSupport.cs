using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests;

/// <summary>Runs the engine on text or files, the way the CLI does, for tests.</summary>
public static class Lint
{
    /// <summary>Every rule at its default severity (the strict preset), for tests about rules that are off by default.</summary>
    public static LintOptions EveryRule { get; } = new() { Rules = new RuleSettings(new Dictionary<string, Severity?>(), strict: false, RulePreset.Strict) };

    public static LintReport Text(string yaml, string path = "test.yaml", LintOptions? options = null) =>
        new LintEngine(options).Run([InputSource.FromText(path, yaml)]);

    public static LintReport Files(IEnumerable<string> paths, LintOptions? options = null) =>
        new LintEngine(options).Run(InputCollector.Collect(paths));

    /// <summary>"SHIP2005@12:9" for each finding that stands, in report order: compact and exact in assertions.</summary>
    public static string[] Findings(this LintReport report, string? id = null) =>
        report.Active.Where(d => id is null || d.Id == id).Select(d => $"{d.Id}@{d.Span.Line}:{d.Span.Column}").ToArray();

    /// <summary>The findings of the schema rules (SHIP1xxx) only: schema tests do not care what the other rules think.</summary>
    public static string[] SchemaFindings(this LintReport report) =>
        report.Active.Where(d => d.Descriptor.Category == RuleCategory.Schema).Select(d => $"{d.Id}@{d.Span.Line}:{d.Span.Column}").ToArray();

    public static Diagnostic Single(this LintReport report, string id) => Assert.Single(report.Active, d => d.Id == id);
}

/// <summary>Paths of the repository and of ../shared, found from the test binary's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Fixtures => Path.Combine(Root, "tests", "Shipshape.Core.Tests", "Fixtures");

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>shared/corpus next to the repository, or next to a folder above it for worktrees (the seed and public manifests).</summary>
    public static string Corpus { get; } = FindCorpus();

    public static string Seed => Path.Combine(Corpus, "seed");

    private static string FindCorpus()
    {
        for (var directory = Directory.GetParent(Root); directory is not null; directory = directory.Parent)
        {
            var corpus = Path.Combine(directory.FullName, "shared", "corpus");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
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
