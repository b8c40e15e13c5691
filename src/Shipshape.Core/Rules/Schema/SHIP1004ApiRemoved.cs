using Shipshape.Core.Analysis;
using Shipshape.Core.Schema;
using Shipshape.Core.Schema.Versions;

namespace Shipshape.Core.Rules.Schema;

/// <summary>The apiVersion of this kind is no longer served by the target Kubernetes version.</summary>
public sealed class SHIP1004ApiRemoved : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ApiRemoved,
        title: "API version removed in the target Kubernetes version",
        messageFormat: "{0} {1} was removed in Kubernetes {2}, so a {3} cluster rejects it; {4}",
        category: RuleCategory.Schema,
        defaultSeverity: Severity.Error,
        description: "The Kubernetes version checked against no longer serves this apiVersion for this kind; applying the object fails until it is migrated.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        var schemas = context.Schemas;
        context.RegisterObjectAction(objectContext =>
        {
            var item = objectContext.Object;
            var gvk = GroupVersionKind.From(item.ApiVersion, item.Kind);
            if (ApiAvailability.RemovedIn(gvk, schemas.Target) is { } removedIn)
            {
                objectContext.Report(Rule, item.ApiVersionNode, item.ApiVersion, item.Kind, removedIn, schemas.Target, Migration(gvk, schemas.Target));
            }
        });
    }

    /// <summary>"use networking.k8s.io/v1", naming an API the target serves, or what to do when there is no replacement API.</summary>
    internal static string Migration(GroupVersionKind gvk, KubernetesVersion target)
    {
        if (ApiAvailability.ReplacementFor(gvk, target) is not { } replacement)
        {
            return ApiLifecycle.Find(gvk.ApiVersion, gvk.Kind)?.Notes ?? "there is no replacement API";
        }

        var kind = replacement.Kind == gvk.Kind ? string.Empty : " " + replacement.Kind;
        return $"use {replacement.ApiVersion}{kind}";
    }
}
