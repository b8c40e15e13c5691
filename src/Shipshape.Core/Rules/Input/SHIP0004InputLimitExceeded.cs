using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Input;

/// <summary>A document passes one of the loader's safety limits (alias expansion, nesting, size). Reported by the loader.</summary>
public sealed class SHIP0004InputLimitExceeded : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.InputLimitExceeded,
        title: "Input exceeds a safety limit",
        messageFormat: "This input is not checked: {0}",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Error,
        description: "Aliases that expand exponentially (\"billion laughs\"), extreme nesting or oversized input would hang or exhaust the linter and the API server alike, so the document is skipped.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
    }
}
