using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>A container (or init container) has no <c>resources.limits.memory</c>. CPU limits are not required: they throttle without protecting other pods.</summary>
public sealed class SHIP4004MemoryLimitMissing() : ResourceLimitMissing(Rule, "memory")
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.MemoryLimitMissing,
        title: "Memory limit missing",
        messageFormat: "{0} sets no memory limit, so a leak can use up the node's memory and get other pods killed; set resources.limits.memory",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "A container without a memory limit can exhaust the node, and the kernel's OOM killer then picks victims among the other pods.");
}
