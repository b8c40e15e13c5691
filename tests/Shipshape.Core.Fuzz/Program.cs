using SharpFuzz;
using Shipshape.Cli.Output;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Tests.Loading;

// AFL++ feeds one input per run through the whole pipeline: bytes → decode → YAML → objects → rules → JSON report.
// Any exception escaping here is a bug (bad input must become a finding), so nothing is caught. The input is also
// read by SharpYaml alone: wherever the block reader (the loader's fast path) differs from it, that is a crash too.
// Instrumented code (Shipshape.Core, SharpYaml, YamlDotNet) must not run before Fuzzer.OutOfProcess.Run has set up
// AFL's shared memory, so even the engine is created inside the callback.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var engine = new LintEngine(new LintOptions { Threads = 1 });
    var report = engine.Run([InputSource.FromBytes("fuzz.yaml", buffer.ToArray())]);
    new JsonFormatter().Write(report, TextWriter.Null);

    if (SourceDecoder.TryDecode(buffer.ToArray(), out var text, out _, out _))
    {
        var file = new SourceFile("fuzz.yaml", text);
        var withBlockReader = LoadedFileDescription.Describe(new YamlLoader(LoaderLimits.Default, blockReaderFirst: true).Load(file));
        var withSharpYaml = LoadedFileDescription.Describe(new YamlLoader(LoaderLimits.Default, blockReaderFirst: false).Load(file));
        if (withBlockReader != withSharpYaml)
        {
            throw new InvalidOperationException($"the block reader and SharpYaml read the input differently:\n{withSharpYaml}\n---\n{withBlockReader}");
        }
    }
});
