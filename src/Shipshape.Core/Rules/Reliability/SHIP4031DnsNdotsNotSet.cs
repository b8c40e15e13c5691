using Shipshape.Core.Analysis;

namespace Shipshape.Core.Rules.Reliability;

/// <summary>
/// A pod sets no <c>dnsConfig.options</c> entry <c>ndots</c> with a value. Off by default: <c>ndots</c> is a per-cluster
/// tuning choice (kube-linter's dnsconfig-options).
/// </summary>
public sealed class SHIP4031DnsNdotsNotSet : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.DnsNdotsNotSet,
        title: "DNS option ndots not set",
        messageFormat: "{0} sets no dnsConfig option ndots, so its resolver keeps the cluster's ndots:5 and tries every search domain before an external name such as api.example.com, several wasted DNS queries per lookup; add dnsConfig.options with name: ndots and a value such as \"2\"",
        category: RuleCategory.Reliability,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "With the cluster default ndots:5, a name with fewer than five dots is first tried with every search domain appended, which multiplies the DNS queries for external names.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterPodAction(AnalyzePod);

    private static void AnalyzePod(PodAnalysisContext context)
    {
        var spec = context.Spec.Node;
        var dnsConfig = spec.Mapping("dnsConfig");
        foreach (var option in dnsConfig?.Sequence("options")?.Mappings ?? [])
        {
            // An ndots option without a value sets nothing: the resolver keeps its default.
            if (option.Text("name") == "ndots" && option.Text("value") is { Length: > 0 })
            {
                return;
            }
        }

        context.Report(Rule, spec.KeyNode("dnsConfig") ?? spec, context.Object.Identity.Describe());
    }
}
