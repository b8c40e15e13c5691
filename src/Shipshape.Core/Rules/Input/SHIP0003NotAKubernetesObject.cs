using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Input;

/// <summary>A document lacks apiVersion or kind. Reported while documents become objects.</summary>
public sealed class SHIP0003NotAKubernetesObject : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NotAKubernetesObject,
        title: "Document is not a Kubernetes object",
        messageFormat: "This document is not a Kubernetes object: {0}; every object needs string fields 'apiVersion' and 'kind'",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Error,
        description: "Every Kubernetes object is a mapping with apiVersion and kind; a document without them cannot be applied.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
    }
}
