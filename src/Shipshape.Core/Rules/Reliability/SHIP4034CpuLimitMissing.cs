using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A container (or init container) has no <c>resources.limits.cpu</c>. Off by default: a CPU limit throttles the
/// container without protecting its neighbours, which its CPU request already does; for teams that cap CPU (Polaris).
/// </summary>
public sealed class SHIP4034CpuLimitMissing() : ResourceLimitMissing(Rule, "cpu")
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.CpuLimitMissing,
        title: "CPU limit missing",
        messageFormat: "{0} sets no CPU limit, so a busy loop can take every idle core of the node and its speed depends on its neighbours' load; set resources.limits.cpu if your platform caps CPU",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Without a CPU limit a container may use any idle CPU of its node; some platforms cap every container for predictable performance and chargeback.");
}
