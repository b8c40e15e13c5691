using Shipshape.Core.Analysis;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Rules.Schema;

/// <summary>A value breaks the API schema of its kind: wrong type or format, missing required field, outside its enum or bounds.</summary>
public sealed class SHIP1001SchemaViolation : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.SchemaViolation,
        title: "Value violates the API schema",
        messageFormat: "{0}; the API server rejects this object, so fix the value",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The object does not match the OpenAPI schema of its apiVersion and kind in the target Kubernetes version, so applying it fails.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) =>
        SchemaFindingReporter.Register(context, Rule, SchemaFindingKind.Violation);
}
