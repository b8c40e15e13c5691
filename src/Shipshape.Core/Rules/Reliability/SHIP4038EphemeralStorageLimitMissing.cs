using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A container (or init container) has no <c>resources.limits.ephemeral-storage</c> (the request defaults to the
/// limit, so a limit alone is a plan). Off by default: almost no workload sets it (kube-score).
/// </summary>
public sealed class SHIP4038EphemeralStorageLimitMissing() : ResourceLimitMissing(Rule, "ephemeral-storage")
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.EphemeralStorageLimitMissing,
        title: "Ephemeral storage limit missing",
        messageFormat: "{0} sets no ephemeral-storage limit, so its logs and scratch files can fill the node's disk until the kubelet evicts pods to reclaim it; set resources.limits.ephemeral-storage (the request defaults to it)",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "A container without an ephemeral-storage limit can fill its node's disk with logs, emptyDir data and its writable layer.");
}
