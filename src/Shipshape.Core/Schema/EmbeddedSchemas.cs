using System.Collections.Concurrent;
using System.Reflection;

namespace Shipshape.Core.Schema;

/// <summary>Where an embedded schema set came from: one line of schemas/SOURCES.</summary>
public sealed record SchemaSource(KubernetesVersion Version, string Suite, string PackageType, string Package, string PackageVersion, string Path, string UpstreamSha256, string OutputSha256, string License);

/// <summary>
/// The Kubernetes API schemas built into the engine (schemas/kubernetes/X.Y.json, embedded as resources):
/// nothing is downloaded at run time. A version's file is parsed the first time an object is checked against it.
/// </summary>
public static class EmbeddedSchemas
{
    private const string KubernetesPrefix = "schemas/kubernetes/";
    private static readonly Assembly ResourceAssembly = typeof(EmbeddedSchemas).Assembly;
    private static readonly ConcurrentDictionary<KubernetesVersion, Lazy<DefinitionSet>> Loaded = new();

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

    /// <summary>The raw bytes of an embedded file, e.g. "schemas/api-lifecycle.json".</summary>
    public static byte[] ReadResource(string name) => ResourceMemory.Read(ResourceAssembly, name).ToArray();

    internal static DefinitionSet Load(KubernetesVersion version) =>
        Loaded.GetOrAdd(version, v => new Lazy<DefinitionSet>(() => DefinitionSet.Parse(ResourceMemory.Read(ResourceAssembly, KubernetesPrefix + v + ".json")))).Value;

    private static KubernetesVersion[] FindVersions()
    {
        var versions = new List<KubernetesVersion>();
        foreach (var name in ResourceAssembly.GetManifestResourceNames())
        {
            if (name.StartsWith(KubernetesPrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
                && KubernetesVersion.TryParse(name[KubernetesPrefix.Length..^".json".Length], out var version))
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
        foreach (var line in System.Text.Encoding.UTF8.GetString(ReadResource("schemas/SOURCES")).Split('\n'))
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
