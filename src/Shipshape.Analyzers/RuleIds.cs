using EngineRuleIds = Shipshape.Core.Analysis.RuleIds;

namespace Shipshape.Analyzers;

/// <summary>
/// The analyzers' rule IDs: those shared with manifest rules are the engine's constants under the same names (the
/// engine's catalogue also gives their severity, see <see cref="EngineRules"/>); SHIP5xxx are the builder's own.
/// </summary>
public static class RuleIds
{
    public const string WorkloadSelectorMismatch = EngineRuleIds.WorkloadSelectorMismatch;
    public const string IngressBackendNotFound = EngineRuleIds.IngressBackendNotFound;
    public const string ContainerPortCollision = EngineRuleIds.ContainerPortCollision;
    public const string DuplicateContainerName = EngineRuleIds.DuplicateContainerName;

    public const string ImageTagLatest = EngineRuleIds.ImageTagLatest;
    public const string InvalidObjectName = EngineRuleIds.InvalidObjectName;
    public const string InvalidLabel = EngineRuleIds.InvalidLabel;

    public const string ObjectNotAdded = "SHIP5001";
    public const string ServiceTargetPortNotDeclared = "SHIP5002";
}

/// <summary>Categories, as the manifest rules name them (rules/ID.md, AnalyzerReleases.*.md).</summary>
internal static class RuleCategories
{
    public const string Consistency = "Consistency";
    public const string Reliability = "Reliability";
    public const string Builder = "Builder";
}

internal static class HelpLinks
{
    public static string For(string id) => "https://github.com/shipshape-io/shipshape/blob/main/rules/" + id + ".md";
}
