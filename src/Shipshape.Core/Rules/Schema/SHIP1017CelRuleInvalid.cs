using Shipshape.Core.Analysis;
using Shipshape.Core.Schema.Cel;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Rules.Schema;

/// <summary>An <c>x-kubernetes-validations</c> rule of a CustomResourceDefinition's schema does not compile.</summary>
public sealed class SHIP1017CelRuleInvalid : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.CelRuleInvalid,
        title: "CEL validation rule does not compile",
        messageFormat: "The x-kubernetes-validations rule '{0}' of {1} does not compile: {2}; the API server refuses the definition, and Shipshape does not evaluate the rule, so fix it",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Warning,
        description: "A CustomResourceDefinition's CEL validation rule (or its messageExpression or fieldPath) is not valid, so the API server refuses the definition and its custom resources go unchecked by that rule.");

    // Schemas nest a few levels per field; a deeper tree is not a schema the API server would take.
    private const int MaxDepth = 200;

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeDefinition, "CustomResourceDefinition");

    private static void AnalyzeDefinition(ObjectAnalysisContext context)
    {
        if (context.Object.Group != "apiextensions.k8s.io" || context.Object.Spec is not { } spec)
        {
            return;
        }

        var kind = spec.Mapping("names")?.Text("kind") ?? context.Object.Identity.Describe();
        if (spec.Mapping("validation")?.Mapping("openAPIV3Schema") is { } shared)
        {
            VisitSchema(context, shared, kind, depth: 0);
        }

        foreach (var version in spec.Sequence("versions")?.Mappings ?? [])
        {
            if (version.Mapping("schema")?.Mapping("openAPIV3Schema") is { } schema)
            {
                VisitSchema(context, schema, $"{kind} {version.Text("name")}", depth: 0);
            }
        }
    }

    private static void VisitSchema(ObjectAnalysisContext context, MappingNode schema, string owner, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (schema.Sequence("x-kubernetes-validations") is { } rules)
        {
            foreach (var item in rules.Mappings)
            {
                CheckRule(context, item, owner);
            }
        }

        foreach (var entry in schema.Entries)
        {
            switch (entry.KeyText, entry.Value)
            {
                case ("properties" or "patternProperties" or "definitions", MappingNode named):
                    foreach (var field in named.Entries)
                    {
                        if (field.Value is MappingNode fieldSchema)
                        {
                            VisitSchema(context, fieldSchema, owner, depth + 1);
                        }
                    }

                    break;
                case ("items" or "additionalProperties" or "additionalItems" or "not", MappingNode child):
                    VisitSchema(context, child, owner, depth + 1);
                    break;
                case ("allOf" or "anyOf" or "oneOf" or "items", SequenceNode children):
                    foreach (var child in children.Mappings)
                    {
                        VisitSchema(context, child, owner, depth + 1);
                    }

                    break;
            }
        }
    }

    private static void CheckRule(ObjectAnalysisContext context, MappingNode item, string owner)
    {
        if (item.Scalar("rule") is not { IsNull: false } rule)
        {
            return;
        }

        if (CelValidationRule.TryCompile(rule.Value, item.Text("message"), item.Text("messageExpression"), item.Text("fieldPath"), out var problem) is null)
        {
            var text = rule.Value.Length <= 80 ? rule.Value : rule.Value[..77] + "...";
            context.Report(Rule, rule, text.ReplaceLineEndings(" "), owner, problem);
        }
    }
}
