using System.Text.RegularExpressions;
using Shipshape.Core.Analysis;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests;

/// <summary>Keeps the four parts of every rule in step: class, ID constant, rules/ID.md and fixtures.</summary>
public sealed partial class RuleCatalogTests
{
    [Fact]
    public void Every_analyzer_class_is_in_the_catalog_once()
    {
        var classes = typeof(ManifestAnalyzer).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ManifestAnalyzer)) && !t.IsAbstract)
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToArray();
        var listed = RuleCatalog.All.Select(a => a.GetType().FullName!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(classes, listed);
    }

    [Fact]
    public void Every_rule_class_is_sealed_and_named_after_its_only_id()
    {
        foreach (var analyzer in RuleCatalog.All)
        {
            var type = analyzer.GetType();
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
            var descriptor = Assert.Single(analyzer.SupportedDiagnostics);
            Assert.StartsWith(descriptor.Id, type.Name, StringComparison.Ordinal);
            var category = type.Namespace!.Split('.')[^1];
            Assert.Equal(descriptor.Category, category);
        }
    }

    [Fact]
    public void Ids_are_unique_well_formed_and_in_their_category_range()
    {
        var ranges = new Dictionary<string, char>
        {
            [RuleCategory.Input] = '0',
            [RuleCategory.Schema] = '1',
            [RuleCategory.Consistency] = '2',
            [RuleCategory.Security] = '3',
            [RuleCategory.Reliability] = '4',
            [RuleCategory.Builder] = '5',
        };
        var ids = RuleCatalog.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            Assert.Matches(IdPattern(), descriptor.Id);
            Assert.Equal(ranges[descriptor.Category], descriptor.Id[4]);
            Assert.Equal(DiagnosticDescriptor.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLink);
        }
    }

    [Fact]
    public void Every_rule_has_a_doc_and_every_doc_has_a_rule()
    {
        // SHIP5xxx are C# analyzer rules (src/Shipshape.Analyzers); Shipshape.Analyzers.Tests checks their docs.
        var documented = Directory.EnumerateFiles(RepositoryPaths.Rules, "SHIP*.md").Select(Path.GetFileNameWithoutExtension)
            .Where(id => !id!.StartsWith("SHIP5", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var rules = RuleCatalog.Descriptors.Select(d => d.Id).ToArray();
        Assert.Equal(rules, documented);
    }

    [Fact]
    public void Every_doc_is_embedded_and_has_the_standard_sections()
    {
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            var doc = RuleDocs.Get(descriptor.Id);
            Assert.NotNull(doc);
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", doc, StringComparison.Ordinal);
            foreach (var section in new[] { "## Why", "## Non-compliant", "## Compliant", "## How to fix", "## How to suppress" })
            {
                Assert.True(doc.Contains(section, StringComparison.Ordinal), $"{descriptor.Id}.md lacks '{section}'");
            }
        }
    }

    [Fact]
    public void Every_rule_has_pass_and_fail_fixtures()
    {
        foreach (var descriptor in RuleCatalog.Descriptors)
        {
            var folder = Path.Combine(RepositoryPaths.Fixtures, descriptor.Id);
            Assert.True(Directory.Exists(folder), $"no fixtures for {descriptor.Id}");
            var names = Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileName).ToArray();
            Assert.Contains(names, n => n!.StartsWith("fail.", StringComparison.Ordinal));
            if (descriptor.Id != RuleIds.YamlSyntaxError)
            {
                Assert.Contains(names, n => n!.StartsWith("pass.", StringComparison.Ordinal));
            }
        }

        var fixtureFolders = Directory.EnumerateDirectories(RepositoryPaths.Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id).ToArray(), fixtureFolders);
    }

    [GeneratedRegex(@"^SHIP\d{4}$")]
    private static partial Regex IdPattern();
}
