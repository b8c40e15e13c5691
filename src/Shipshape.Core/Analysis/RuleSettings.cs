using Shipshape.Core.Analysis.Presets;

namespace Shipshape.Core.Analysis;

/// <summary>
/// Which rules run and at what severity: the preset's rules at their defaults (<see cref="RulePreset"/>), overridden
/// by configuration (<c>rules: { security: warning, SHIP4001: off }</c>) and the command line (<c>--enable</c>,
/// <c>--disable</c>, <c>--strict</c>).
/// </summary>
public sealed class RuleSettings
{
    public static RuleSettings Default { get; } = new(new Dictionary<string, Severity?>(), strict: false);

    private readonly IReadOnlyDictionary<string, Severity?> _overrides;

    /// <param name="overrides">Per rule ID: a severity, or null for "off".</param>
    /// <param name="strict">Fields unknown to the schema are errors rather than warnings.</param>
    /// <param name="preset">The rules that run, at their default severity, where <paramref name="overrides"/> say nothing.</param>
    public RuleSettings(IReadOnlyDictionary<string, Severity?> overrides, bool strict, RulePreset preset = RulePreset.Recommended)
    {
        _overrides = overrides;
        Strict = strict;
        Preset = preset;
    }

    public bool Strict { get; }

    public RulePreset Preset { get; }

    /// <summary>The severity <paramref name="descriptor"/> reports at, or null when it is off.</summary>
    public Severity? SeverityOf(DiagnosticDescriptor descriptor)
    {
        if (_overrides.TryGetValue(descriptor.Id, out var configured))
        {
            return configured;
        }

        if (!Preset.Includes(descriptor))
        {
            return null;
        }

        return Strict && descriptor.Id == RuleIds.UnknownField ? Severity.Error : descriptor.DefaultSeverity;
    }

    public bool IsEnabled(DiagnosticDescriptor descriptor) => SeverityOf(descriptor) is not null;
}
