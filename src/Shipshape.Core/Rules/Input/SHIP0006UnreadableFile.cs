using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Input;

/// <summary>A file cannot be read as text: permissions, a broken link, binary content, invalid UTF-8. Reported while reading.</summary>
public sealed class SHIP0006UnreadableFile : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.UnreadableFile,
        title: "File cannot be read as text",
        messageFormat: "This file is not checked: {0}",
        category: RuleCategory.Input,
        defaultSeverity: Severity.Error,
        description: "A file among the manifests cannot be read, or is not text in an encoding YAML allows (UTF-8, or UTF-16/32 with a byte order mark).");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
    }
}
