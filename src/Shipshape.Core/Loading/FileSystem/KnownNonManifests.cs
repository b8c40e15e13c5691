namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// Files and directories that are YAML or JSON but never Kubernetes manifests, skipped by name when directories are
/// walked (a file named on the command line is always linted). This is the one list; the README repeats it.
/// </summary>
public static class KnownNonManifests
{
    /// <summary>File names, matched without regard to case; <c>*</c> stands for any characters.</summary>
    public static IReadOnlyList<string> FilePatterns { get; } =
    [
        // Helm and Kustomize inputs: not manifests until rendered.
        "Chart.yaml", "Chart.lock", "values*.yaml", "values*.yml", "values*.json", "kustomization.yaml", "kustomization.yml",
        // Containers, CI and tooling.
        "docker-compose*.yml", "docker-compose*.yaml", "compose*.yml", "compose*.yaml", ".pre-commit-config.yaml",
        ".pre-commit-hooks.yaml", ".gitlab-ci.yml", ".travis.yml", "appveyor.yml", "codecov.yml", "mkdocs.yml",
        ".golangci.yml", ".golangci.yaml", ".yamllint.yaml", ".yamllint.yml", "renovate.json", "dependabot.yml",
        // JavaScript, TypeScript and .NET project files.
        "package*.json", "tsconfig*.json", "jsconfig*.json", "composer.json", "global.json", "appsettings*.json",
        "launchSettings.json", "pnpm-lock.yaml",
        // JSON Schemas (a --schema-location directory among the manifests, the configuration's own schema).
        "*.schema.json",
    ];

    /// <summary>Directories whose content is never linted when a walk meets them (hidden ones such as .git and .github are skipped too).</summary>
    public static IReadOnlyList<string> DirectoryNames { get; } = ["node_modules"];

    public static bool IsNonManifestFile(string fileName)
    {
        foreach (var pattern in FilePatterns)
        {
            if (Matches(fileName, pattern))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hidden directories (.git, .github, .vscode) and the <see cref="DirectoryNames"/>.</summary>
    public static bool IsSkippedDirectory(string directoryName) =>
        (directoryName.Length > 0 && directoryName[0] == '.') ||
        DirectoryNames.Contains(directoryName, StringComparer.OrdinalIgnoreCase);

    /// <summary>A pattern with at most one <c>*</c>: the text before it starts the name, the text after it ends it.</summary>
    private static bool Matches(string name, string pattern)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return name.Equals(pattern, StringComparison.OrdinalIgnoreCase);
        }

        // Spans, not substrings: every file of a walk is matched against every pattern.
        var prefix = pattern.AsSpan(0, star);
        var suffix = pattern.AsSpan(star + 1);
        return name.Length >= prefix.Length + suffix.Length &&
               name.AsSpan().StartsWith(prefix, StringComparison.OrdinalIgnoreCase) &&
               name.AsSpan().EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}
