namespace Shipshape.Analyzers;

/// <summary>
/// The analyzers' rule IDs. Analyzers run on .NET Standard 2.0 and cannot reference Shipshape.Core, so the IDs
/// shared with manifest rules are repeated here under Core's constant names; a test keeps both lists equal.
/// </summary>
public static class RuleIds
{
    public const string WorkloadSelectorMismatch = "SHIP2001";
    public const string ContainerPortCollision = "SHIP2005";
    public const string DuplicateContainerName = "SHIP2006";

    public const string ImageTagLatest = "SHIP4001";
    public const string InvalidObjectName = "SHIP4013";
    public const string InvalidLabel = "SHIP4014";

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
