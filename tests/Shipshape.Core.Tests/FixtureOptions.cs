using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests;

/// <summary>Lint options a fixture asks for in its header, e.g. <c># kubernetes-version: 1.13</c>.</summary>
public static class FixtureOptions
{
    public static LintOptions For(string fixturePath)
    {
        // The fixture's own rule runs even when it is off by default.
        var rule = RuleCatalog.Find(fixturePath.Split('/')[0]);
        var options = new LintOptions
        {
            Threads = 1,
            Rules = rule is null ? RuleSettings.Default : new RuleSettings(new Dictionary<string, Severity?> { [rule.Id] = rule.DefaultSeverity }, strict: false),
        };
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Fixtures, fixturePath)))
        {
            if (!line.StartsWith('#'))
            {
                break;
            }

            var text = line.TrimStart('#').Trim();
            if (text.StartsWith("kubernetes-version:", StringComparison.Ordinal))
            {
                options = options with { KubernetesVersion = text["kubernetes-version:".Length..].Trim() };
            }
        }

        return options;
    }
}
