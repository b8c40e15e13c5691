using SharpFuzz;
using Shipshape.Cli.Output;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Suppression;
using Shipshape.Core.Tests.Loading;

// AFL++ feeds one input per run to one target, chosen by SHIPSHAPE_FUZZ_TARGET (fuzz.sh passes it on):
//   pipeline    (default) bytes → decode → YAML → objects → rules → JSON report; the block reader must read as SharpYaml
//   segments    the loader reading the input in segments (threshold lowered to 0) must read it as one reader does
//   directives  the comment scanner and directives (every input is given a directive line, so the scan always runs)
//   config      the input as a .shipshape.yaml
//   schema      the input as a user JSON schema (--schema-location) for a custom resource that is then validated
// Any exception escaping here is a bug (bad input must become a finding, or an InputException for settings), so only
// InputException is caught. Instrumented code (Shipshape.Core, SharpYaml, YamlDotNet) must not run before
// Fuzzer.OutOfProcess.Run has set up AFL's shared memory, so even the engine is created inside the callback.
var target = Environment.GetEnvironmentVariable("SHIPSHAPE_FUZZ_TARGET") ?? "pipeline";
var scratch = Path.Combine(Path.GetTempPath(), $"shipshape-fuzz-{Environment.ProcessId}");
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    var bytes = buffer.ToArray();
    switch (target)
    {
        case "segments":
            Targets.Segments(bytes);
            break;
        case "directives":
            Targets.Directives(bytes);
            break;
        case "config":
            Targets.Configuration(bytes);
            break;
        case "schema":
            Targets.Schema(bytes, scratch);
            break;
        default:
            Targets.Pipeline(bytes);
            break;
    }
});

internal static class Targets
{
    public static void Pipeline(byte[] bytes)
    {
        var engine = new LintEngine(new LintOptions { Threads = 1 });
        var report = engine.Run([InputSource.FromBytes("fuzz.yaml", bytes)]);
        new JsonFormatter().Write(report, TextWriter.Null);

        if (SourceDecoder.TryDecode(bytes, out var text, out _, out _))
        {
            var file = new SourceFile("fuzz.yaml", text);
            var withBlockReader = LoadedFileDescription.Describe(new YamlLoader(LoaderLimits.Default, blockReaderFirst: true).Load(file));
            var withSharpYaml = LoadedFileDescription.Describe(new YamlLoader(LoaderLimits.Default, blockReaderFirst: false).Load(file));
            Same(withSharpYaml, withBlockReader, "the block reader and SharpYaml");
        }
    }

    public static void Segments(byte[] bytes)
    {
        if (!SourceDecoder.TryDecode(bytes, out var text, out _, out _))
        {
            return;
        }

        var file = new SourceFile("fuzz.yaml", text);
        var whole = LoadedFileDescription.Describe(new YamlLoader(LoaderLimits.Default).LoadWhole(file));
        var segmented = LoadedFileDescription.Describe(new YamlLoader(LoaderLimits.Default, blockReaderFirst: true, threads: 2, minLengthToReadInSegments: 0).Load(file));
        Same(whole, segmented, "one reader and the segments");
    }

    public static void Directives(byte[] bytes)
    {
        if (SourceDecoder.TryDecode(bytes, out var text, out _, out _))
        {
            // The directive line makes the scan run whatever the input holds; the input may break it up again.
            CommentDirectives.Read(new SourceFile("fuzz.yaml", "# shipshape-disable-next-line SHIP2005\n" + text), []);
            Pipeline(System.Text.Encoding.UTF8.GetBytes("# shipshape-disable all\n" + text));
        }
    }

    public static void Configuration(byte[] bytes)
    {
        if (!SourceDecoder.TryDecode(bytes, out var text, out _, out _))
        {
            return;
        }

        try
        {
            var configuration = ConfigurationReader.Parse(".shipshape.yaml", text);
            GC.KeepAlive(configuration);
        }
        catch (InputException)
        {
            // A configuration that is not valid is exit 2 with this one line: expected.
        }
    }

    public static void Schema(byte[] bytes, string scratch)
    {
        Directory.CreateDirectory(scratch);
        File.WriteAllBytes(Path.Combine(scratch, "widget.json"), bytes);
        const string Widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n  name: [a, b]\n  labels: {a: b}\n";
        try
        {
            var engine = new LintEngine(new LintOptions { Threads = 1, SchemaLocations = [scratch + "/{{ .ResourceKind }}.json"] });
            new JsonFormatter().Write(engine.Run([InputSource.FromText("widget.yaml", Widget)]), TextWriter.Null);
        }
        catch (InputException)
        {
            // A schema that cannot be read is exit 2 with one line: expected.
        }
    }

    private static void Same(string expected, string actual, string readers)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"{readers} read the input differently:\n{expected}\n---\n{actual}");
        }
    }
}
