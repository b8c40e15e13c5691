using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Input;

/// <summary>A mapping defines the same key twice. Reported by the loader at the second key.</summary>
public sealed class SHIP0002DuplicateKey : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DuplicateKey,
        title: "Duplicate key in a mapping",
        messageFormat: "Key '{0}' is already defined on line {1} of this mapping; only the last value would be used, so remove or rename one of them",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Error,
        description: "A mapping defines the same key twice; Kubernetes silently keeps only one of the values, or rejects the object.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
    }
}
