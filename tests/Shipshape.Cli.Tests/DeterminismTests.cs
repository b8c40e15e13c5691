namespace Shipshape.Cli.Tests;

/// <summary>The report is byte-identical whatever the thread count and from run to run, over real manifests.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Public_corpus_report_is_identical_for_one_thread_and_many_and_across_runs()
    {
        var corpus = Path.GetFullPath(Path.Combine(Seed.Directory, "..", "public"));
        var single = CliRunner.Run("lint", "--format", "json", "--threads", "1", corpus);
        var many = CliRunner.Run("lint", "--format", "json", "--threads", "8", corpus);
        var again = CliRunner.Run("lint", "--format", "json", corpus);

        Assert.Equal(string.Empty, single.Stderr);
        Assert.True(single.Json.GetProperty("summary").GetProperty("resources").GetInt32() > 600);
        Assert.Equal(single.Stdout, many.Stdout);
        Assert.Equal(single.Stdout, again.Stdout);
    }

    [Fact]
    public void Text_report_with_code_frames_is_identical_for_one_thread_and_many()
    {
        // Hundreds of files with findings: the code frames are rendered in batches on several threads.
        var corpus = Path.GetFullPath(Path.Combine(Seed.Directory, "..", "public"));
        var single = CliRunner.Run("lint", "--color", "never", "--threads", "1", corpus);
        var many = CliRunner.Run("lint", "--color", "never", "--threads", "8", corpus);

        Assert.Equal(string.Empty, single.Stderr);
        Assert.True(System.Text.RegularExpressions.Regex.Count(single.Stdout, @"(?m)^ +[0-9]+ \| ") > 300, "expected hundreds of code frames");
        Assert.Equal(single.Stdout, many.Stdout);
    }
}
