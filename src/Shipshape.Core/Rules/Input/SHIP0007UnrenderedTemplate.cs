using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Input;

/// <summary>The file is an unrendered Go/Helm template. Reported by the loader, once per file, instead of a cascade of syntax errors.</summary>
public sealed class SHIP0007UnrenderedTemplate : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.UnrenderedTemplate,
        title: "Unrendered template",
        messageFormat: "This file is an unrendered template ('{{{{ … }}}}' is template syntax, not YAML); render it first (for example 'helm template CHART | shipshape lint -') or exclude it",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Error,
        description: "Helm charts and other Go templates are not manifests until rendered; linting the template itself would only report the template syntax as YAML errors.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
    }
}
