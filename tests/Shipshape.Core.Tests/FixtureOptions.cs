using Shipshape.Core.Engine;

namespace Shipshape.Core.Tests;

/// <summary>Lint options a fixture asks for in its header, e.g. <c># kubernetes-version: 1.13</c>.</summary>
public static class FixtureOptions
{
    public static LintOptions For(string fixturePath)
    {
        var options = new LintOptions { Threads = 1 };
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
