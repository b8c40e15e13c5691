using Shipshape.Builder.Yaml;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Builder;

/// <summary>
/// The set of objects to write: add what you build, then <see cref="Synth"/>. Objects are written in the
/// order they were added, so the output is the same bytes on every run.
/// </summary>
public sealed class App
{
    private readonly List<Resource> _resources = [];

    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>Adds <paramref name="resource"/> and returns it, so it can be built further or exposed.</summary>
    public T Add<T>(T resource)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(resource);
        _resources.Add(resource);
        return resource;
    }

    /// <summary>Every object as one multi-document YAML stream.</summary>
    public string ToYaml() => YamlWriter.Write(_resources.Select(r => r.ToYaml()));

    /// <summary>
    /// Lints everything with the Shipshape engine (the CLI's rules) and, unless it finds errors and
    /// <see cref="SynthOptions.AllowErrors"/> is off, writes the YAML: to <see cref="SynthOptions.OutputFile"/> as one
    /// stream, or to <see cref="SynthOptions.OutputDirectory"/> as one file per object. The report is returned either way.
    /// </summary>
    public SynthResult Synth(SynthOptions? options = null)
    {
        options ??= new SynthOptions();
        var files = options.OutputDirectory is { } directory
            ? _resources.Select(r => (Path: Path.Combine(directory, FileName(r)), Text: YamlWriter.Write([r.ToYaml()]))).ToArray()
            : [(Path: options.OutputFile ?? SynthOptions.InMemoryPath, Text: ToYaml())];
        var report = new LintEngine(options.Lint).Run([.. files.Select(f => InputSource.FromText(f.Path, f.Text))]);
        var written = new List<string>();
        var accepted = options.AllowErrors || report.WorstSeverity is not Severity.Error;
        if (accepted && (options.OutputDirectory is not null || options.OutputFile is not null))
        {
            foreach (var (path, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, text);
                written.Add(path);
            }
        }

        return new SynthResult(report, accepted, string.Concat(files.Select(f => f.Text)), written);
    }

    /// <summary>"deployment-echo.yaml"; objects of the same kind and name in different namespaces get the namespace too.</summary>
    private string FileName(Resource resource)
    {
        var clash = _resources.Any(r => r != resource && r.Kind == resource.Kind && r.ObjectName == resource.ObjectName);
        var prefix = clash && resource.ObjectNamespace is { } ns ? ns + "-" : "";
        return $"{prefix}{resource.Kind.ToLowerInvariant()}-{resource.ObjectName}.yaml";
    }
}

/// <summary>Where <see cref="App.Synth"/> writes and how strict it is.</summary>
public sealed record SynthOptions
{
    /// <summary>The name findings carry when nothing is written to a file.</summary>
    public const string InMemoryPath = "<builder>";

    /// <summary>Write everything as one YAML stream to this file.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Write one file per object (<c>deployment-echo.yaml</c>) into this directory; wins over <see cref="OutputFile"/>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Write even when the engine reports errors.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>Engine options: Kubernetes version, rule severities.</summary>
    public LintOptions? Lint { get; init; }
}

/// <summary>What <see cref="App.Synth"/> did: the engine's report, whether the output was accepted, the YAML, and the files written.</summary>
public sealed record SynthResult(LintReport Report, bool Accepted, string Yaml, IReadOnlyList<string> WrittenFiles);
