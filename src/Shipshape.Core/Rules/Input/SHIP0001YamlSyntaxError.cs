using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Input;

/// <summary>The file is not valid YAML. Reported by the loader at the parser's position; nothing runs after loading.</summary>
public sealed class SHIP0001YamlSyntaxError : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.YamlSyntaxError,
        title: "YAML syntax error",
        messageFormat: "YAML syntax error: {0}; fix the YAML here (documents after the next '---' are still checked)",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Error,
        description: "The text cannot be parsed as YAML, so the document that contains the error cannot be checked at all.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
    }
}
