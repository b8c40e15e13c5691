using BenchmarkDotNet.Attributes;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;

namespace Shipshape.Benchmarks;

/// <summary>
/// The engine's hot paths over the public corpus held in memory: loading YAML into node trees, building typed
/// objects, and a whole run (every rule, cross-resource ones included) on one thread.
/// Set SHIPSHAPE_CORPUS to the corpus directory (default ../shared/corpus/public from the repository root).
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private SourceFile[] _files = [];
    private InputSource[] _inputs = [];
    private LintEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Environment.GetEnvironmentVariable("SHIPSHAPE_CORPUS") ?? Path.Combine("..", "shared", "corpus", "public");
        _files = InputCollector.Collect([corpus]).Select(i => i.Read(LoaderLimits.Default).File).OfType<SourceFile>().ToArray();
        _inputs = _files.Select(f => InputSource.FromText(f.Path, f.Text)).ToArray();
        _engine = new LintEngine(new LintOptions { Threads = 1 });
    }

    [Benchmark]
    public int Load()
    {
        var loader = new YamlLoader();
        var documents = 0;
        foreach (var file in _files)
        {
            documents += loader.Load(file).Documents.Count;
        }

        return documents;
    }

    [Benchmark]
    public int LoadAndBuildObjects()
    {
        var loader = new YamlLoader();
        var objects = new List<KubeObject>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in _files)
        {
            foreach (var document in loader.Load(file).Documents)
            {
                ObjectReader.Read(document, objects, diagnostics);
            }
        }

        return objects.Count;
    }

    [Benchmark]
    public int WholeRunOneThread() => _engine.Run(_inputs).Diagnostics.Count;
}
