using Shipshape.Core.Analysis;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A field the API schema does not know: a typo, or a field of another API version. Kubernetes drops it silently.</summary>
public sealed class SHIP1002UnknownField : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.UnknownField,
        title: "Field unknown to the API schema",
        messageFormat: "{0}; the API server drops unknown fields without a word, so fix the name or remove it",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Warning,
        description: "The field is not part of the schema of the object's apiVersion and kind; it is ignored when applied. An error under --strict.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        SchemaFindingReporter.Register(context, Rule, SchemaFindingKind.UnknownField);
}
