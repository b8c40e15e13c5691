namespace Shipshape.Core.Analysis;

/// <summary>
/// Which rules run and at what severity: each rule's default, overridden by configuration
/// (<c>rules: { SHIP4001: off }</c>) and the command line (<c>--enable</c>, <c>--disable</c>, <c>--strict</c>).
/// </summary>
public sealed class RuleSettings
{
    public static RuleSettings Default { get; } = new(new Dictionary<string, Severity?>(), strict: false);

    private readonly IReadOnlyDictionary<string, Severity?> _overrides;

    /// <param name="overrides">Per rule ID: a severity, or null for "off".</param>
    /// <param name="strict">Fields unknown to the schema are errors rather than warnings.</param>
    public RuleSettings(IReadOnlyDictionary<string, Severity?> overrides, bool strict)
    {
        _overrides = overrides;
        Strict = strict;
    }

    public bool Strict { get; }

    /// <summary>The severity <paramref name="descriptor"/> reports at, or null when it is off.</summary>
    public Severity? SeverityOf(DiagnosticDescriptor descriptor)
    {
        if (_overrides.TryGetValue(descriptor.Id, out var configured))
        {
            return configured;
        }

        if (Strict && descriptor.Id == RuleIds.UnknownField)
        {
            return Severity.Error;
        }

        return descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null;
    }

    public bool IsEnabled(DiagnosticDescriptor descriptor) => SeverityOf(descriptor) is not null;
}
