using SharpFuzz;
using Shipshape.Cli.Output;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

// AFL++ feeds one input per run through the whole pipeline: bytes → decode → YAML → objects → rules → JSON report.
// Any exception escaping here is a bug (bad input must become a finding), so nothing is caught.
// Instrumented code (Shipshape.Core, SharpYaml, YamlDotNet) must not run before Fuzzer.OutOfProcess.Run has set up
// AFL's shared memory, so even the engine is created inside the callback.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var engine = new LintEngine(new LintOptions { Threads = 1 });
    var report = engine.Run([InputSource.FromBytes("fuzz.yaml", buffer.ToArray())]);
    new JsonFormatter().Write(report, TextWriter.Null);
});
