using BenchmarkDotNet.Running;
using Shipshape.Benchmarks;

// bench/run.sh uses "corpus SOURCE TARGET COPIES"; anything else goes to BenchmarkDotNet
// (e.g. "--filter *" to run every hot-path benchmark).
if (args is ["corpus", var source, var target, var copies])
{
    return CorpusMultiplier.Run(source, target, int.Parse(copies, System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(HotPathBenchmarks).Assembly).Run(args);
return 0;
