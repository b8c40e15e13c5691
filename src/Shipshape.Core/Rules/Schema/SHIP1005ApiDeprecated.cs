using Shipshape.Core.Analysis;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Rules.Schema;

/// <summary>The apiVersion of this kind is deprecated in the target Kubernetes version: it still works, but not for long.</summary>
public sealed class SHIP1005ApiDeprecated : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ApiDeprecated,
        title: "API version deprecated in the target Kubernetes version",
        messageFormat: "{0} {1} is deprecated since Kubernetes {2} and {3}; {4}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Warning,
        description: "The Kubernetes version checked against still serves this apiVersion for this kind, but deprecated: a later version removes it.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        var schemas = context.Schemas;
        context.RegisterObjectAction(objectContext =>
        {
            var item = objectContext.Object;
            if (ApiLifecycle.Find(item.ApiVersion, item.Kind) is { } entry && entry.IsDeprecatedIn(schemas.Target))
            {
                var removal = entry.RemovedIn is { } removed ? $"is removed in {removed}" : "no removal is scheduled";
                objectContext.Report(Rule, item.ApiVersionNode, item.ApiVersion, item.Kind, entry.DeprecatedIn, removal, SHIP1004ApiRemoved.Migration(GroupVersionKind.From(item.ApiVersion, item.Kind), schemas.Target));
            }
        });
    }
}
