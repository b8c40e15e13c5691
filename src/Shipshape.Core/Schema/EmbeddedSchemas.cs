using System.Collections.Concurrent;
using System.Text;
using Shipshape.Core.Schema.Versions;

namespace Shipshape.Core.Schema;

/// <summary>Where an embedded version's schemas came from: one line of schemas/SOURCES.</summary>
/// <param name="Kind">swagger, openapi3 or gzip: how the spec is stored in the repository.</param>
/// <param name="Repository">owner/name on GitHub.</param>
/// <param name="Ref">The branch, or refs/pull/N/head.</param>
/// <param name="Commit">The commit read.</param>
public sealed record SchemaSource(KubernetesVersion Version, string Kind, string Repository, string Ref, string Commit, string Path, string UpstreamSha256, string OutputSha256, string License)
{
    /// <summary>"kubernetes-client/python release-36.0 (67e7d9a) kubernetes/swagger.json.unprocessed", for a person.</summary>
    public string Describe() =>
        $"{Repository} {Ref} ({Commit[..Math.Min(7, Commit.Length)]}) {Path}{Kind switch { "openapi3" => " (OpenAPI v3)", "gzip" => " (gzip)", _ => string.Empty }}";
}

/// <summary>
/// The Kubernetes API schemas built into the engine, one set per minor version (schemas/kubernetes/, compiled in as
/// <see cref="EmbeddedData"/>): nothing is downloaded at run time. Each definition is stored once for all versions that have it
/// (definitions.lines) and each version is an index into them (X.Y.index); a version is opened the first time an
/// object is checked against it, without parsing anything, and a definition is compiled when an object needs it.
/// </summary>
public static class EmbeddedSchemas
{
    private const string KubernetesPrefix = "schemas/kubernetes/";
    private const string IndexSuffix = ".index";
    private const string DefinitionsFile = KubernetesPrefix + "definitions.lines";
    private static readonly ConcurrentDictionary<KubernetesVersion, Lazy<(VersionIndex Index, DefinitionSet Set)>> Loaded = new();

    /// <summary>The embedded versions, oldest first.</summary>
    public static IReadOnlyList<KubernetesVersion> Versions { get; } = FindVersions();

    public static KubernetesVersion Newest => Versions[^1];

    /// <summary>The provenance of each embedded version, from schemas/SOURCES.</summary>
    public static IReadOnlyList<SchemaSource> Sources => ReadSources();

    /// <summary>The embedded version to use for <paramref name="requested"/>: itself, else the nearest older one, else the oldest.</summary>
    public static KubernetesVersion Nearest(KubernetesVersion requested)
    {
        var chosen = Versions[0];
        foreach (var version in Versions)
        {
            if (version <= requested)
            {
                chosen = version;
            }
        }

        return chosen;
    }

    /// <summary>Whether the embedded spec of <paramref name="version"/> (an embedded one) serves <paramref name="gvk"/>.</summary>
    public static bool Serves(KubernetesVersion version, GroupVersionKind gvk) => Open(version).Set.Serves(gvk);

    /// <summary>The raw bytes of an embedded file, e.g. "schemas/api-lifecycle.json".</summary>
    public static byte[] ReadResource(string name) => EmbeddedData.Get(name).ToArray();

    internal static DefinitionSet Load(KubernetesVersion version) => Open(version).Set;

    /// <summary>
    /// The version's definitions in the normalised single-file layout (schemas/normalize.py), byte for byte what
    /// schemas/SOURCES pins as its output sha256: for checking the store, and as a <c>--schema-file</c>.
    /// </summary>
    internal static byte[] Normalized(KubernetesVersion version)
    {
        var set = Open(version).Index;
        var names = new List<string>(set.AllDefinitionNames());
        var text = new StringBuilder("{\"definitions\":{\n");
        for (var i = 0; i < names.Count; i++)
        {
            set.TryGet(names[i], out var json);
            text.Append('"').Append(names[i]).Append("\":").Append(Encoding.ASCII.GetString(json.Span)).Append(i + 1 < names.Count ? ",\n" : "\n");
        }

        return Encoding.ASCII.GetBytes(text.Append("}}\n").ToString());
    }

    private static (VersionIndex Index, DefinitionSet Set) Open(KubernetesVersion version) =>
        Loaded.GetOrAdd(version, v => new Lazy<(VersionIndex, DefinitionSet)>(() =>
        {
            var index = new VersionIndex(EmbeddedMemory.Over(EmbeddedData.Get(DefinitionsFile)), EmbeddedMemory.Over(EmbeddedData.Get(KubernetesPrefix + v + IndexSuffix)));
            return (index, new DefinitionSet(index));
        })).Value;

    private static KubernetesVersion[] FindVersions()
    {
        var versions = new List<KubernetesVersion>();
        foreach (var name in EmbeddedData.Names)
        {
            if (name.StartsWith(KubernetesPrefix, StringComparison.Ordinal) && name.EndsWith(IndexSuffix, StringComparison.Ordinal)
                && KubernetesVersion.TryParse(name.AsSpan(KubernetesPrefix.Length, name.Length - KubernetesPrefix.Length - IndexSuffix.Length), out var version))
            {
                versions.Add(version);
            }
        }

        versions.Sort();
        return [.. versions];
    }

    private static List<SchemaSource> ReadSources()
    {
        var sources = new List<SchemaSource>();
        var header = true;
        foreach (var line in Encoding.UTF8.GetString(ReadResource("schemas/SOURCES")).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length >= 9 && KubernetesVersion.TryParse(fields[0], out var version))
            {
                sources.Add(new SchemaSource(version, fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8]));
            }
        }

        return sources;
    }
}
