using System.Text;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests.Robustness;

/// <summary>
/// Input crafted to hurt, or simply not YAML: each case ends in a located finding (or none), never an exception.
/// Time bounds are the framework's outer timeouts, not assertions on a stopwatch.
/// </summary>
public sealed class HostileInputTests : IDisposable, IClassFixture<TenThousandFiles>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shipshape-hostile", Guid.NewGuid().ToString("N"));
    private readonly TenThousandFiles _manyFiles;

    public HostileInputTests(TenThousandFiles manyFiles)
    {
        _manyFiles = manyFiles;
        Directory.CreateDirectory(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static LintReport LintBytes(byte[] bytes) => new LintEngine().Run([InputSource.FromBytes("hostile.yaml", bytes)]);

    private static LintReport LintBytes(string text) => LintBytes(Encoding.UTF8.GetBytes(text));

    [Fact(Timeout = 5000)]
    public async Task Ten_thousand_deep_block_sequence_is_cut_at_the_depth_limit()
    {
        // "- - - … 1" is a sequence in a sequence in a sequence …, 10,000 levels on one line.
        var text = string.Concat(Enumerable.Repeat("- ", 10_000)) + "1\n";
        var report = await Task.Run(() => LintBytes(text), TestContext.Current.CancellationToken);
        Assert.Equal(["SHIP0004@1:1025"], report.Findings());
    }

    [Fact(Timeout = 5000)]
    public async Task Ten_thousand_deep_flow_mappings_are_cut_at_the_depth_limit()
    {
        var text = string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000);
        var report = await Task.Run(() => LintBytes(text), TestContext.Current.CancellationToken);
        Assert.Equal(["SHIP0004@1:2049"], report.Findings());
    }

    [Fact(Timeout = 5000)]
    public async Task A_100_MB_file_is_refused_by_size_before_it_is_read()
    {
        var path = Path.Combine(_root, "huge.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength(100L * 1024 * 1024);
        }

        var report = await Task.Run(() => Lint.Files([path]), TestContext.Current.CancellationToken);
        var finding = report.Single("SHIP0004");
        Assert.Equal("This input is not checked: the file has 104,857,600 bytes, more than the limit of 67,108,864", finding.Message);
        Assert.Equal(1, finding.Span.Line);
    }

    // Bound: 60 s for linting (and schema-validating) the 10,000 files written beforehand by the fixture; a few
    // seconds on an idle 2-core machine, so the bound only trips on a real hang or a quadratic slowdown.
    [Fact(Timeout = 60000)]
    public async Task A_directory_of_ten_thousand_files_is_linted_completely()
    {
        var report = await Task.Run(() => Lint.Files([_manyFiles.Directory]), TestContext.Current.CancellationToken);
        Assert.Equal(10_000, report.Summary.Files);
        Assert.Equal(10_000, report.Summary.Resources);
        Assert.Empty(report.Findings());
    }

    [Fact]
    public void A_broken_symlink_in_a_directory_is_a_finding_and_the_other_files_are_still_linted()
    {
        var directory = Path.Combine(_root, "links");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        File.CreateSymbolicLink(Path.Combine(directory, "b.yaml"), Path.Combine(directory, "gone.yaml"));

        var report = Lint.Files([directory]);

        Assert.Equal(1, report.Summary.Resources);
        var finding = report.Single("SHIP0006");
        Assert.EndsWith("b.yaml", finding.FilePath, StringComparison.Ordinal);
        Assert.StartsWith("This file is not checked: the file cannot be read: ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_has_no_documents_and_no_findings()
    {
        var report = LintBytes([]);
        Assert.Equal(0, report.Summary.Documents);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void Random_binary_is_reported_as_binary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[100] = 0;
        Assert.Equal("SHIP0006", Assert.Single(LintBytes(bytes).Diagnostics).Id);
    }

    [Fact]
    public void Tabs_in_indentation_are_a_located_syntax_error()
    {
        var report = LintBytes("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n");
        Assert.Equal(["SHIP0001@4:1"], report.Findings());
    }

    [Fact]
    public void Crlf_line_ends_give_the_same_positions_as_lf()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a:1\n    - name: a\n      image: a:1\n";
        Assert.Equal(LintBytes(pod).Findings(), LintBytes(pod.Replace("\n", "\r\n", StringComparison.Ordinal)).Findings());
        Assert.Equal(["SHIP2006@9:13"], LintBytes(pod).Findings("SHIP2006"));
    }

    [Fact]
    public void A_helm_chart_template_gives_one_finding_not_a_cascade()
    {
        var report = LintBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include \"labels\" . | nindent 4 }}\ndata:\n  a: {{ .Values.a }}\n");
        Assert.Equal(["SHIP0007@4:9"], report.Findings());
    }

    [Fact(Timeout = 5000)]
    public async Task Many_documents_beyond_the_limit_stop_with_a_finding()
    {
        var limits = new LoaderLimits { MaxDocuments = 100 };
        var text = string.Concat(Enumerable.Repeat("---\na: 1\n", 150));
        var report = await Task.Run(() => new LintEngine(new LintOptions { Limits = limits }).Run([InputSource.FromText("many.yaml", text)]), TestContext.Current.CancellationToken);
        Assert.Equal(100, report.Summary.Documents);
        Assert.Contains("SHIP0004@202:1", report.Findings());
    }

    [Fact]
    public void An_oversized_scalar_skips_its_document()
    {
        var limits = new LoaderLimits { MaxScalarLength = 1000 };
        var text = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: {new string('x', 2000)}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n";
        var report = new LintEngine(new LintOptions { Limits = limits }).Run([InputSource.FromText("big.yaml", text)]);
        Assert.Equal(["SHIP0004@6:9"], report.Findings());
        Assert.Equal(1, report.Summary.Resources);
    }
}

/// <summary>A directory of 10,000 small manifests, written once for the class and outside any test's time bound.</summary>
public sealed class TenThousandFiles : IDisposable
{
    public TenThousandFiles()
    {
        System.IO.Directory.CreateDirectory(this.Directory);
        for (var i = 0; i < 10_000; i++)
        {
            File.WriteAllText(Path.Combine(this.Directory, $"cm-{i:D5}.yaml"), $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{i}\n");
        }
    }

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "shipshape-hostile", "many-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => System.IO.Directory.Delete(this.Directory, recursive: true);
}
