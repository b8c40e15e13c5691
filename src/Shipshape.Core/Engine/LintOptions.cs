using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Engine;

/// <summary>Everything that changes what a run reports.</summary>
public sealed record LintOptions
{
    /// <summary>Which rules run and how serious their findings are.</summary>
    public RuleSettings Rules { get; init; } = RuleSettings.Default;

    /// <summary>The Kubernetes version to check against, as "1.30"; null for the newest one known.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>A cluster's OpenAPI v2 document (<c>kubectl get --raw /openapi/v2</c>) to validate against instead of the embedded schemas.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>Local directories or path templates of JSON schemas in kubeconform's layout, for kinds the embedded schemas lack.</summary>
    public IReadOnlyList<string> SchemaLocations { get; init; } = [];

    public LoaderLimits Limits { get; init; } = LoaderLimits.Default;

    /// <summary>How many findings of one rule a file reports before one summary finding stands for the rest (0: all).</summary>
    public int MaxFindingsPerRule { get; init; } = FindingCaps.DefaultMaxFindingsPerRule;

    /// <summary>Files read and analyzed at once; the report is the same for any value.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
