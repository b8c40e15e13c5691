using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Reliability;

/// <summary><c>metadata.namespace</c> is <c>default</c>. Off by default: it is a house rule, not an error.</summary>
public sealed class SHIP4016DefaultNamespace : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DefaultNamespace,
        title: "Object placed in the default namespace",
        messageFormat: "{0} is placed in the 'default' namespace, where everything without a home ends up and access cannot be scoped; give the application its own namespace",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "The default namespace mixes unrelated workloads, so RBAC, quotas and network policies cannot be scoped to one application.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeObject);

    private static void AnalyzeObject(ObjectAnalysisContext context)
    {
        if (context.Object.Metadata.NamespaceNode is { Value: "default" } ns)
        {
            context.Report(Rule, ns, $"{context.Object.Kind} '{context.Object.Name}'");
        }
    }
}
