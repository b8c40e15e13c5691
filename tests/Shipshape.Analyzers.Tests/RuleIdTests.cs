using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using CoreRuleIds = Shipshape.Core.Analysis.RuleIds;

namespace Shipshape.Analyzers.Tests;

/// <summary>The analyzers' IDs, categories and docs agree with the engine's catalogue and the release-tracking files.</summary>
public sealed class RuleIdTests
{
    private static readonly DiagnosticDescriptor[] Descriptors = [.. AnalyzerIds.Descriptors];

    [Fact]
    public void Every_id_shared_with_a_manifest_rule_has_the_engine_constant_name_and_value()
    {
        var core = Constants(typeof(CoreRuleIds));
        foreach (var (name, id) in Constants(typeof(RuleIds)))
        {
            if (id.StartsWith("SHIP5", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(id, core.Values);
            }
            else
            {
                Assert.True(core.TryGetValue(name, out var coreId), $"Shipshape.Core has no RuleIds.{name}");
                Assert.Equal(coreId, id);
            }
        }
    }

    [Fact]
    public void Every_id_shared_with_a_manifest_rule_has_the_engine_default_severity_and_enabled_state()
    {
        var shared = Descriptors.Where(d => !d.Id.StartsWith("SHIP5", StringComparison.Ordinal)).ToArray();
        Assert.Equal(7, shared.Length);
        foreach (var descriptor in shared)
        {
            var engine = Shipshape.Core.Rules.RuleCatalog.Find(descriptor.Id);
            Assert.NotNull(engine);
            var expected = engine.DefaultSeverity switch
            {
                Shipshape.Core.Analysis.Severity.Error => DiagnosticSeverity.Error,
                Shipshape.Core.Analysis.Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            Assert.True(expected == descriptor.DefaultSeverity, $"{descriptor.Id} is {descriptor.DefaultSeverity} in the analyzers but {engine.DefaultSeverity} in the CLI and the MSBuild task");
            Assert.Equal(engine.IsEnabledByDefault, descriptor.IsEnabledByDefault);
        }
    }

    [Fact]
    public void Every_analyzer_reports_one_known_id_with_its_doc_link()
    {
        var ids = Constants(typeof(RuleIds)).Values.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ids, Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray());
        foreach (var descriptor in Descriptors)
        {
            Assert.Equal($"https://github.com/shipshape-io/shipshape/blob/main/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var doc = Path.Combine(AnalyzerIds.RepositoryRoot, "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(doc), $"rules/{descriptor.Id}.md is missing");
            var text = File.ReadAllText(doc);
            if (descriptor.Id.StartsWith("SHIP5", StringComparison.Ordinal))
            {
                Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}", text, StringComparison.Ordinal);
                foreach (var section in new[] { "## Cause", "## Why", "## Non-compliant", "## Compliant", "## How to fix", "## How to suppress" })
                {
                    Assert.True(text.Contains(section, StringComparison.Ordinal), $"{descriptor.Id}.md lacks '{section}'");
                }
            }
            else
            {
                Assert.True(text.Contains("## In C# builder code", StringComparison.Ordinal), $"{descriptor.Id}.md lacks '## In C# builder code'");
            }
        }
    }

    [Fact]
    public void Every_code_fix_fixes_an_analyzer_id()
    {
        var fixers = typeof(RuleIds).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CodeFixProvider)) && !t.IsAbstract);
        foreach (var fixer in fixers)
        {
            var provider = (CodeFixProvider)Activator.CreateInstance(fixer)!;
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, Descriptors.Select(d => d.Id)));
        }
    }

    private static Dictionary<string, string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
}

/// <summary>Every descriptor of the builder analyzers (ManifestFileAnalyzer declares the engine's whole catalogue), and where the repository is.</summary>
public static class AnalyzerIds
{
    public static IEnumerable<DiagnosticDescriptor> Descriptors =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsAbstract && t != typeof(ManifestFileAnalyzer))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Linter.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
