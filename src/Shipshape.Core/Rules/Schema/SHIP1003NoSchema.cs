using Shipshape.Core.Analysis;
using Shipshape.Core.Model;
using Shipshape.Core.Schema;
using Shipshape.Core.Schema.Versions;

namespace Shipshape.Core.Rules.Schema;

/// <summary>No schema validates this apiVersion/kind in the target version: a custom resource without its CRD, or a typo. Once per kind and file.</summary>
public sealed class SHIP1003NoSchema : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.NoSchema,
        title: "No schema for this apiVersion and kind",
        messageFormat: "No schema for {0} {1} in Kubernetes {2}, so {3} not validated; {4}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Warning,
        description: "Neither the Kubernetes API of the target version nor a CustomResourceDefinition in the linted files defines this kind, so its objects are not checked.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        var schemas = context.Schemas;
        context.RegisterSetAction(setContext => AnalyzeSet(setContext, schemas));
    }

    private static void AnalyzeSet(SetAnalysisContext context, KubernetesSchemas schemas)
    {
        var unvalidated = new Dictionary<(string File, string ApiVersion, string Kind), List<KubeObject>>();
        foreach (var item in context.Set.Objects)
        {
            if (!SchemaFindingReporter.IsCustom(schemas, item)
                || schemas.Validate(item, context.Set).HasSchema
                || ApiAvailability.RemovedIn(GroupVersionKind.From(item.ApiVersion, item.Kind), schemas.Target) is not null)
            {
                continue;
            }

            var key = (item.FilePath, item.ApiVersion, item.Kind);
            if (!unvalidated.TryGetValue(key, out var objects))
            {
                unvalidated[key] = objects = [];
            }

            objects.Add(item);
        }

        foreach (var ((_, apiVersion, kind), objects) in unvalidated)
        {
            var first = objects[0];
            var count = objects.Count == 1 ? "this object is" : $"its {objects.Count} objects in this file are";
            context.Report(Rule, first, first.KindNode, apiVersion, kind, schemas.Target, count, Advice(schemas, apiVersion, kind));
        }
    }

    private static string Advice(KubernetesSchemas schemas, string apiVersion, string kind)
    {
        var gvk = GroupVersionKind.From(apiVersion, kind);
        var sameGroup = schemas.KnownKinds.Where(k => k.Group == gvk.Group).ToArray();
        if (sameGroup.Length == 0)
        {
            return "add its CustomResourceDefinition to the linted files, or point --schema-location at its JSON schema";
        }

        if (Spelling.Closest(kind, sameGroup.Select(k => k.Kind).Distinct()) is { } kindGuess && kindGuess != kind)
        {
            return $"did you mean kind '{kindGuess}'?";
        }

        var versions = string.Join(", ", sameGroup.Where(k => k.Kind == kind).Select(k => k.ApiVersion).Distinct().Order(StringComparer.Ordinal));
        return versions.Length > 0
            ? $"this Kubernetes version serves {kind} as {versions}"
            : $"check the kind: the {(gvk.Group.Length == 0 ? "core" : gvk.Group)} API group has no kind '{kind}' here";
    }
}
