namespace Shipshape.Core.Loading;

/// <summary>
/// Bounds that keep hostile or accidental input (billion-laughs aliases, absurd nesting, huge files)
/// from hanging the linter or exhausting memory. Generous by default; exceeding one is a located diagnostic.
/// </summary>
public sealed record LoaderLimits
{
    public static LoaderLimits Default { get; } = new();

    /// <summary>Nodes a document may expand to once aliases are followed.</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>How deeply mappings and sequences may nest.</summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>
    /// The deepest nesting a configuration may allow: the tree walks after loading (schema validation, rules, reports)
    /// recurse, and at this depth they stay well within the 1.5 MB stack of a thread-pool thread.
    /// </summary>
    public const int MaxDepthCeiling = 2_000;

    /// <summary>Documents read from one file; the rest of the file is skipped with a diagnostic.</summary>
    public int MaxDocuments { get; init; } = 100_000;

    /// <summary>Characters in one scalar.</summary>
    public int MaxScalarLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Bytes in one file. etcd stores objects of at most 1.5 MB, so a manifest file of 64 MB is already far beyond any real one.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;
}
