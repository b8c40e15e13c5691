using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Shipshape.Core.Analysis;
using Shipshape.Core.Rules;

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

/// <summary>
/// The contents of <c>.shipshape.yaml</c>. The JSON schema in schemas/shipshape-config.schema.json is generated
/// from this type (see ConfigurationSchemaTests), and <see cref="ConfigurationReader"/> reads exactly these keys.
/// </summary>
[Description("Shipshape configuration (.shipshape.yaml): rule levels, excluded paths, default Kubernetes version.")]
public sealed record ShipshapeConfiguration
{
    public static ShipshapeConfiguration Empty { get; } = new();

    /// <summary>Per rule ID: a severity, or off.</summary>
    [Description("Per rule ID (SHIPnnnn): 'off', or the severity its findings are reported at: 'info', 'warning' or 'error'.")]
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

    /// <summary>The directory the configuration was read from, against which <see cref="Exclude"/> patterns resolve.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Rule severities from <see cref="Rules"/>, then the command line: <paramref name="enable"/> turns a rule on (at
    /// its configured severity, else its default one), <paramref name="disable"/> turns it off, and
    /// <paramref name="strict"/>, when given, overrides <see cref="Strict"/>. IDs must be known to <see cref="RuleCatalog"/>.
    /// </summary>
    public RuleSettings ToRuleSettings(IEnumerable<string> enable, IEnumerable<string> disable, bool? strict = null)
    {
        var overrides = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        foreach (var (id, level) in Rules)
        {
            overrides[id] = ToSeverity(level);
        }

        foreach (var id in enable)
        {
            var descriptor = RuleCatalog.Find(id) ?? throw new ArgumentException($"'{id}' is not a rule ID", nameof(enable));
            overrides[descriptor.Id] = overrides.GetValueOrDefault(descriptor.Id) ?? descriptor.DefaultSeverity;
        }

        foreach (var id in disable)
        {
            var descriptor = RuleCatalog.Find(id) ?? throw new ArgumentException($"'{id}' is not a rule ID", nameof(disable));
            overrides[descriptor.Id] = null;
        }

        return new RuleSettings(overrides, strict ?? Strict ?? false);
    }

    private static Severity? ToSeverity(RuleLevel level) => level switch
    {
        RuleLevel.Error => Severity.Error,
        RuleLevel.Warning => Severity.Warning,
        RuleLevel.Info => Severity.Info,
        _ => null,
    };
}
