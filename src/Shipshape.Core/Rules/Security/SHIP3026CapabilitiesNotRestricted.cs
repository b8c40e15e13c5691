using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>A container does not drop ALL capabilities, or adds one of the runtime defaults other than NET_BIND_SERVICE. Off by default; a Pod Security Standards preset turns it on.</summary>
public sealed class SHIP3026CapabilitiesNotRestricted : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.CapabilitiesNotRestricted,
        title: "Capabilities not dropped to the restricted set",
        messageFormat: "{0} {1}; the Pod Security Standards' restricted profile requires dropping ALL capabilities and adding back at most NET_BIND_SERVICE. Set securityContext.capabilities.drop: [ALL]",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Warning,
        isEnabledByDefault: false,
        description: "Container runtimes grant a default set of capabilities (CHOWN, SETUID, NET_RAW …) that most processes never need.",
        podSecurityProfile: PodSecurityProfile.Restricted);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        foreach (var container in context.Spec.AllContainers)
        {
            var capabilities = container.SecurityContext?.Mapping("capabilities");
            var dropsAll = false;
            foreach (var dropped in capabilities.Scalars("drop"))
            {
                dropsAll |= dropped.Value is "ALL" or "all";
            }

            if (!dropsAll)
            {
                context.Report(Rule, capabilities?.KeyNode("drop") ?? container.Anchor, container.DescribeAsSubject(), "does not drop ALL capabilities");
            }

            // Capabilities outside the baseline set are SHIP3016's finding; the restricted profile also forbids these.
            foreach (var added in capabilities.Scalars("add"))
            {
                if (added.Value is not ("NET_BIND_SERVICE" or "CAP_NET_BIND_SERVICE") && SHIP3016CapabilityBeyondBaseline.IsBaseline(added.Value))
                {
                    context.Report(Rule, added, container.DescribeAsSubject(), $"adds capability {added.Value}");
                }
            }
        }
    }
}
