using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Tests.Schema;

/// <summary>The schema data is what schemas/SOURCES says it is, and the engine embeds exactly the committed files.</summary>
public sealed class SchemaDataTests
{
    [Fact]
    public void Committed_and_embedded_schema_files_match_their_pinned_hashes()
    {
        var sources = EmbeddedSchemas.Sources;
        Assert.Equal(EmbeddedSchemas.Versions, sources.Select(s => s.Version));
        foreach (var source in sources)
        {
            var committed = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "schemas", "kubernetes", $"{source.Version}.json"));
            Assert.Equal(source.OutputSha256, Convert.ToHexStringLower(SHA256.HashData(committed)));
            Assert.Equal(committed, EmbeddedSchemas.ReadResource($"schemas/kubernetes/{source.Version}.json"));
            Assert.Equal("Apache-2.0", source.License);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "schemas", "SOURCES")), EmbeddedSchemas.ReadResource("schemas/SOURCES"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "schemas", "api-lifecycle.json")), EmbeddedSchemas.ReadResource("schemas/api-lifecycle.json"));
    }

    [Fact]
    public void Line_scan_of_the_embedded_files_indexes_what_a_full_parse_does()
    {
        foreach (var version in EmbeddedSchemas.Versions)
        {
            var bytes = EmbeddedSchemas.ReadResource($"schemas/kubernetes/{version}.json");
            var scanned = DefinitionSet.TryScanLines(bytes);
            var parsed = DefinitionSet.ParseDocument(bytes);
            Assert.NotNull(scanned);
            Assert.Equal(parsed.Count, scanned.Count);
            Assert.Equal(parsed.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal), scanned.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal));

            // A kind's definition is found by searching for it, without the list of all kinds.
            var searched = DefinitionSet.TryScanLines(bytes)!;
            foreach (var kind in parsed.Kinds)
            {
                Assert.Equal(parsed.DefinitionOf(kind), searched.DefinitionOf(kind));
            }

            Assert.Null(searched.DefinitionOf(new GroupVersionKind(string.Empty, "v1", "DeleteOptions")));
            Assert.Null(searched.DefinitionOf(new GroupVersionKind(string.Empty, "v1", "NoSuchThing")));
            Assert.Null(searched.DefinitionOf(new GroupVersionKind("apps", "v1", "Pod")));

            using var document = JsonDocument.Parse(bytes);
            foreach (var definition in document.RootElement.GetProperty("definitions").EnumerateObject())
            {
                var expected = Encoding.UTF8.GetBytes(definition.Value.GetRawText());
                Assert.Equal(expected, scanned.Json(definition.Name)?.ToArray());
                Assert.Equal(expected, parsed.Json(definition.Name)?.ToArray());
            }

            Assert.Null(scanned.Json("io.k8s.api.core.v1.NoSuchThing"));
            Assert.Null(scanned.Json("a.before.every.name"));
            Assert.Null(scanned.Json("zz.after.every.name"));
        }
    }

    [Fact]
    public void Line_scan_leaves_files_out_of_name_order_to_the_full_parse()
    {
        var unordered = "{\"definitions\":{\n\"b.Second\":{\"type\":\"string\"},\n\"a.First\":{\"type\":\"string\"}\n}}\n"u8.ToArray();

        Assert.Null(DefinitionSet.TryScanLines(unordered));
        var parsed = DefinitionSet.Parse(unordered);
        Assert.Equal(2, parsed.Count);
        Assert.Equal("{\"type\":\"string\"}"u8.ToArray(), parsed.Json("a.First")?.ToArray());
    }

    [Fact]
    public void Embedded_versions_are_the_five_specs()
    {
        Assert.Equal(["1.13", "1.14", "1.20", "1.27", "1.30"], EmbeddedSchemas.Versions.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("1.21", "1.20")]
    [InlineData("1.30", "1.30")]
    [InlineData("1.40", "1.30")]
    [InlineData("1.2", "1.13")]
    public void Nearest_embedded_version_is_the_one_at_or_below(string requested, string used) =>
        Assert.Equal(used, EmbeddedSchemas.Nearest(KubernetesVersion.Parse(requested)).ToString());

    [Fact]
    public void Lifecycle_covers_every_removal_release_of_the_migration_guide()
    {
        var removals = ApiLifecycle.All.Where(e => e.RemovedIn is not null).Select(e => e.RemovedIn!.Value.ToString()).ToHashSet();
        Assert.Superset(new HashSet<string> { "1.16", "1.22", "1.25", "1.26", "1.27", "1.29", "1.32" }, removals);
    }
}
