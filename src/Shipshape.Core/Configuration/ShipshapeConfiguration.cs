using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.FileSystemGlobbing;
using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Configuration;

/// <summary>A rule's level in <c>.shipshape.yaml</c>: a severity, or off.</summary>
public enum RuleLevel
{
    Off,
    Info,
    Warning,
    Error,
}

/// <summary>The severity at or above which <c>shipshape lint</c> exits with 1.</summary>
public enum FailLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>The <c>limits</c> section of <c>.shipshape.yaml</c>: each one overrides a <see cref="LoaderLimits"/> default.</summary>
public sealed record InputLimits
{
    [Description("Bytes in one file (default 64 MiB).")]
    [Range(1, long.MaxValue)]
    public long? MaxFileBytes { get; init; }

    [Description("Documents read from one file (default 100000).")]
    [Range(1, int.MaxValue)]
    public int? MaxDocuments { get; init; }

    [Description("How deeply mappings and lists may nest (default 512).")]
    [Range(1, int.MaxValue)]
    public int? MaxDepth { get; init; }

    [Description("Nodes a document may expand to once aliases are followed (default 1000000).")]
    [Range(1, long.MaxValue)]
    public long? MaxExpandedNodes { get; init; }

    [Description("Characters in one scalar (default 4 MiB).")]
    [Range(1, int.MaxValue)]
    public int? MaxScalarLength { get; init; }
}

/// <summary>
/// The contents of <c>.shipshape.yaml</c>. The JSON schema in schemas/shipshape-config.schema.json is generated
/// from this type (see ConfigurationSchemaTests), and <see cref="ConfigurationReader"/> reads exactly these keys.
/// </summary>
[Description("Shipshape configuration (.shipshape.yaml): rule preset and levels, excluded paths, default Kubernetes version.")]
public sealed record ShipshapeConfiguration
{
    public static ShipshapeConfiguration Empty { get; } = new();

    [Description("The set of rules to start from, when --preset is not given: minimal (what the API server or the cluster would reject or misroute), recommended (the default), strict (every rule), pss-baseline or pss-restricted (minimal plus the Pod Security Standards controls). 'rules' then changes single rules.")]
    public RulePreset? Preset { get; init; }

    /// <summary>Per rule selector (<see cref="RuleSelector"/>): a severity, or off.</summary>
    [Description("Per rule ID (SHIP3003), wildcard (SHIP3*) or category (input, schema, consistency, security, reliability): 'off', or the severity its findings are reported at: 'info', 'warning' or 'error'. A more specific entry wins: an ID over a wildcard, a wildcard over a category.")]
    public IReadOnlyDictionary<string, RuleLevel> Rules { get; init; } = new Dictionary<string, RuleLevel>();

    /// <summary>Glob patterns, relative to the configuration file's directory, of files not linted when found in a directory.</summary>
    [Description("Glob patterns (relative to this file's directory) of files to skip when linting a directory, e.g. 'charts/**/templates/**'. A file named on the command line is always linted.")]
    public IReadOnlyList<string> Exclude { get; init; } = [];

    [Description("The Kubernetes version to check against, as X.Y (e.g. '1.30'), when --kubernetes-version is not given.")]
    [RegularExpression(@"^v?\d+\.\d+(\.\d+)?$")]
    public string? KubernetesVersion { get; init; }

    [Description("Report fields unknown to the API schema as errors rather than warnings, as --strict does.")]
    public bool? Strict { get; init; }

    [Description("Exit with 1 when a finding is at or above this severity, when --fail-level is not given.")]
    public FailLevel? FailLevel { get; init; }

    [Description("Safety limits of the YAML loader; inputs beyond them are reported (SHIP0004) instead of read. Omitted limits keep their defaults.")]
    public InputLimits? Limits { get; init; }

    /// <summary>The loader limits: the defaults, with each one this configuration sets replaced.</summary>
    public LoaderLimits ToLoaderLimits()
    {
        var defaults = LoaderLimits.Default;
        return Limits is not { } limits
            ? defaults
            : defaults with
            {
                MaxFileBytes = limits.MaxFileBytes ?? defaults.MaxFileBytes,
                MaxDocuments = limits.MaxDocuments ?? defaults.MaxDocuments,
                MaxDepth = limits.MaxDepth ?? defaults.MaxDepth,
                MaxExpandedNodes = limits.MaxExpandedNodes ?? defaults.MaxExpandedNodes,
                MaxScalarLength = limits.MaxScalarLength ?? defaults.MaxScalarLength,
            };
    }

    /// <summary>The directory the configuration was read from, against which <see cref="Exclude"/> patterns resolve.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Rule severities: the preset's rules (<paramref name="preset"/>, else <see cref="Preset"/>, else recommended), then
    /// <see cref="Rules"/>, then the command line: <paramref name="enable"/> turns rules on (at their configured
    /// severity, else their default one), <paramref name="disable"/> turns them off; among the configuration's entries,
    /// and among the command line's, the more specific selector wins (<see cref="RuleSelector"/>), and at equal
    /// specificity disabling wins. <paramref name="strict"/>, when given, overrides <see cref="Strict"/>. Every selector
    /// must name a rule (<see cref="RuleSelector.TryParse"/>).
    /// </summary>
    public RuleSettings ToRuleSettings(IEnumerable<string> enable, IEnumerable<string> disable, bool? strict = null, RulePreset? preset = null)
    {
        var overrides = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        foreach (var (selector, level) in Rules.Select(rule => (Selector: Select(rule.Key, nameof(Rules)), Level: rule.Value)).OrderBy(rule => rule.Selector.Specificity))
        {
            foreach (var rule in selector.Rules)
            {
                overrides[rule.Id] = ToSeverity(level);
            }
        }

        var commandLine = enable.Select(text => (Selector: Select(text, nameof(enable)), Enable: true))
            .Concat(disable.Select(text => (Selector: Select(text, nameof(disable)), Enable: false)))
            // One key rather than ThenBy, a generic virtual call: see SequenceNode.Mappings.
            .OrderBy(entry => (entry.Selector.Specificity, !entry.Enable));
        foreach (var (selector, turnOn) in commandLine)
        {
            foreach (var rule in selector.Rules)
            {
                overrides[rule.Id] = turnOn ? overrides.GetValueOrDefault(rule.Id) ?? rule.DefaultSeverity : null;
            }
        }

        return new RuleSettings(overrides, strict ?? Strict ?? false, preset ?? Preset ?? RulePreset.Recommended);
    }

    private static RuleSelector Select(string text, string parameter) =>
        RuleSelector.TryParse(text, out var selector) ? selector : throw new ArgumentException($"'{text}' is not {RuleSelector.Expected}", parameter);

    /// <summary>
    /// Whether a file found in a linted directory is left out: it matches an <see cref="Exclude"/> glob (relative to
    /// the configuration's directory), or it is the configuration file itself, which is never a manifest.
    /// </summary>
    public Func<string, bool> ExclusionFilter(string configPath)
    {
        var configFile = Path.GetFullPath(configPath);
        var root = BaseDirectory ?? Path.GetDirectoryName(configFile)!;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(Exclude);
        var hasPatterns = Exclude.Count > 0;
        return file =>
        {
            var fullPath = Path.GetFullPath(file);
            return fullPath == configFile || (hasPatterns && matcher.Match(Path.GetRelativePath(root, fullPath)).HasMatches);
        };
    }

    private static Severity? ToSeverity(RuleLevel level) => level switch
    {
        RuleLevel.Error => Severity.Error,
        RuleLevel.Warning => Severity.Warning,
        RuleLevel.Info => Severity.Info,
        _ => null,
    };
}
