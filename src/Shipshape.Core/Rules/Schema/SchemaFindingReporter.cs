using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Schema;

namespace Shipshape.Core.Rules.Schema;

/// <summary>
/// What SHIP1001 and SHIP1002 share: built-in kinds are validated per object (in parallel, per file); custom
/// resources once the whole set is known, since their CustomResourceDefinition may be in another file.
/// Validation results are shared between the rules (<see cref="KubernetesSchemas"/>); each rule reports its kind of finding.
/// </summary>
internal static class SchemaFindingReporter
{
    public static void Register(AnalysisContext context, DiagnosticDescriptor rule, SchemaFindingKind kind)
    {
        var schemas = context.Schemas;
        context.RegisterObjectAction(objectContext =>
        {
            if (schemas.ValidateBuiltIn(objectContext.Object) is { } validation)
            {
                Report(validation, kind, finding => objectContext.Report(rule, finding.At, finding.Message));
            }
        });
        context.RegisterSetAction(setContext =>
        {
            foreach (var item in setContext.Set.Objects)
            {
                if (IsCustom(schemas, item))
                {
                    Report(schemas.Validate(item, setContext.Set), kind, finding => setContext.Report(rule, item, finding.At, finding.Message));
                }
            }
        });
    }

    /// <summary>Not a built-in kind: validated (or found schema-less) only once the whole set is known.</summary>
    public static bool IsCustom(KubernetesSchemas schemas, KubeObject item) => !schemas.IsBuiltIn(item);

    private static void Report(ObjectValidation validation, SchemaFindingKind kind, Action<SchemaFinding> report)
    {
        foreach (var finding in validation.Findings)
        {
            if (finding.Kind == kind)
            {
                report(finding);
            }
        }
    }
}
