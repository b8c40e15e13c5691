using Shipshape.Core.Analysis;
using Shipshape.Core.Rules.Consistency;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Rules.Schema;

namespace Shipshape.Core.Rules;

/// <summary>
/// Every built-in rule. Listed by hand rather than found by reflection so the NativeAOT binary stays
/// trim-safe and start-up does no scanning; a test fails when a rule class is missing here.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<ManifestAnalyzer> All { get; } =
    [
        new SHIP0001YamlSyntaxError(),
        new SHIP0002DuplicateKey(),
        new SHIP0003NotAKubernetesObject(),
        new SHIP0004InputLimitExceeded(),
        new SHIP0006UnreadableFile(),
        new SHIP0007UnrenderedTemplate(),
        new SHIP1001SchemaViolation(),
        new SHIP1002UnknownField(),
        new SHIP1003NoSchema(),
        new SHIP1004ApiRemoved(),
        new SHIP1005ApiDeprecated(),
        new SHIP2001WorkloadSelectorMismatch(),
        new SHIP2002ServiceSelectsNothing(),
        new SHIP2003ServiceTargetPortNotExposed(),
        new SHIP2004IngressBackendNotFound(),
        new SHIP2005ContainerPortCollision(),
        new SHIP2006DuplicateContainerName(),
        new SHIP2007DuplicateObject(),
    ];

    /// <summary>Every descriptor, sorted by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        All.SelectMany(a => a.SupportedDiagnostics).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();

    public static DiagnosticDescriptor? Find(string id) =>
        Descriptors.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
