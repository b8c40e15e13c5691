using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>Every input the fuzzer (tests/Shipshape.Core.Fuzz) ever crashed on, replayed: each must now lint without an exception.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests", "Shipshape.Core.Tests", "Fuzz", "regressions")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Crash_input_now_gives_findings_not_an_exception(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Shipshape.Core.Tests", "Fuzz", "regressions", name));
        var report = new LintEngine(new LintOptions { Threads = 1 }).Run([InputSource.FromBytes(name, bytes)]);
        Assert.All(report.Diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, d.ToString()));
    }

    [Fact]
    public void Invalid_utf8_after_a_byte_order_mark_is_located_at_the_bad_byte()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Shipshape.Core.Tests", "Fuzz", "regressions", "invalid-utf8-after-bom.yaml"));
        var report = new LintEngine().Run([InputSource.FromBytes("crash.yaml", bytes)]);
        Assert.Equal(["SHIP0006@1:67"], report.Findings());
    }
}
