using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Rules;

namespace Shipshape.Cli.Tests;

/// <summary>SARIF rules of the security category carry the "security" tag and a security-severity GitHub ranks alerts by.</summary>
public sealed class SarifSecuritySeverityTests
{
    [Fact]
    public void Security_rules_have_a_security_severity_and_the_others_none()
    {
        var result = CliRunner.RunWithInput("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n", "lint", "--format", "sarif", "-");

        using var document = JsonDocument.Parse(result.Stdout);
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("properties"));
        Assert.NotEmpty(rules);
        foreach (var (id, properties) in rules)
        {
            var descriptor = RuleCatalog.Find(id)!;
            var tags = properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray();
            if (descriptor.Category == RuleCategory.Security)
            {
                Assert.Equal([RuleCategory.Security, "security"], tags);
                var expected = descriptor.DefaultSeverity switch { Severity.Error => "8.0", Severity.Warning => "5.5", _ => "3.0" };
                Assert.Equal(expected, properties.GetProperty("security-severity").GetString());
            }
            else
            {
                Assert.Equal([descriptor.Category], tags);
                Assert.False(properties.TryGetProperty("security-severity", out _), id);
            }
        }

        Assert.Contains(rules.Keys, id => RuleCatalog.Find(id)!.Category == RuleCategory.Security);
    }
}
