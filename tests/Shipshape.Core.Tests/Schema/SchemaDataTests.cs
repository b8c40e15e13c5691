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
            // Each version's definitions, rebuilt from the shared store through its index, are the normalised spec SOURCES pins.
            Assert.Equal(source.OutputSha256, Convert.ToHexStringLower(SHA256.HashData(EmbeddedSchemas.Normalized(source.Version))));
            var index = $"schemas/kubernetes/{source.Version}.index";
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, index)), EmbeddedSchemas.ReadResource(index));
            Assert.Equal("Apache-2.0", source.License);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "schemas", "kubernetes", "definitions.lines")), EmbeddedSchemas.ReadResource("schemas/kubernetes/definitions.lines"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "schemas", "SOURCES")), EmbeddedSchemas.ReadResource("schemas/SOURCES"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "schemas", "api-lifecycle.json")), EmbeddedSchemas.ReadResource("schemas/api-lifecycle.json"));
    }

    [Fact]
    public void Version_indexes_and_line_scan_find_what_a_full_parse_does()
    {
        foreach (var version in EmbeddedSchemas.Versions)
        {
            var bytes = EmbeddedSchemas.Normalized(version);
            var indexed = EmbeddedSchemas.Load(version);
            var scanned = DefinitionSet.TryScanLines(bytes);
            var parsed = DefinitionSet.ParseDocument(bytes);
            Assert.NotNull(scanned);
            Assert.Equal(parsed.Count, scanned.Count);
            Assert.Equal(parsed.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal), scanned.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal));
            Assert.Equal(parsed.Count, indexed.Count);
            Assert.Equal(parsed.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal), indexed.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal));
            foreach (var kind in parsed.Kinds)
            {
                Assert.Equal(parsed.DefinitionOf(kind), EmbeddedSchemas.Load(version).DefinitionOf(kind));
            }

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
                Assert.Equal(expected, indexed.Json(definition.Name)?.ToArray());
            }

            Assert.Null(indexed.Json("io.k8s.api.core.v1.NoSuchThing"));
            Assert.Null(indexed.Json("a.before.every.name"));
            Assert.Null(indexed.Json("zz.after.every.name"));
            Assert.Null(indexed.DefinitionOf(new GroupVersionKind(string.Empty, "v1", "DeleteOptions")));
            Assert.Null(indexed.DefinitionOf(new GroupVersionKind("apps", "v1", "Pod")));

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
    public void Embedded_versions_are_every_spec_obtained()
    {
        Assert.Equal(["1.13", "1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"], EmbeddedSchemas.Versions.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("1.21", "1.21")]
    [InlineData("1.22", "1.22")]
    [InlineData("1.16", "1.16")]
    [InlineData("1.16.15", "1.16")]
    [InlineData("1.30", "1.30")]
    [InlineData("1.40", "1.36")]
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
