namespace Shipshape.Core.Analysis;

/// <summary>
/// Every rule ID in one place. IDs are never reused: a retired rule keeps its number.
/// Ranges: 0xxx input, 1xxx schema and API versions, 2xxx cross-resource consistency,
/// 3xxx security, 4xxx reliability and good practice, 5xxx builder analyzers.
/// </summary>
public static class RuleIds
{
    public const string YamlSyntaxError = "SHIP0001";
    public const string DuplicateKey = "SHIP0002";
    public const string NotAKubernetesObject = "SHIP0003";
    public const string InputLimitExceeded = "SHIP0004";
    public const string UnreadableFile = "SHIP0006";
    public const string UnrenderedTemplate = "SHIP0007";

    public const string SchemaViolation = "SHIP1001";
    public const string UnknownField = "SHIP1002";
    public const string NoSchema = "SHIP1003";
    public const string ApiRemoved = "SHIP1004";
    public const string ApiDeprecated = "SHIP1005";

    public const string WorkloadSelectorMismatch = "SHIP2001";
    public const string ServiceSelectsNothing = "SHIP2002";
    public const string ServiceTargetPortNotExposed = "SHIP2003";
    public const string IngressBackendNotFound = "SHIP2004";
    public const string ContainerPortCollision = "SHIP2005";
    public const string DuplicateContainerName = "SHIP2006";
    public const string DuplicateObject = "SHIP2007";
}
