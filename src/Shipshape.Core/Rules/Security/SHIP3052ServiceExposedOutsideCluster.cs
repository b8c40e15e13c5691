using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// A Service of type NodePort or LoadBalancer. Off by default: these types are how a Service is meant to be exposed,
/// and whether a cluster allows them is its admission policy (kube-linter's exposed-services, kube-score's service-type).
/// </summary>
public sealed class SHIP3052ServiceExposedOutsideCluster : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.ServiceExposedOutsideCluster,
        title: "Service exposed outside the cluster",
        messageFormat: "{0} is of type {1}, which {2}; use a ClusterIP Service behind an Ingress or Gateway, unless this exposure is intended",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "NodePort and LoadBalancer Services accept connections from outside the cluster, bypassing the Ingress or Gateway where TLS and authentication usually live.");

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeService, "Service");

    private static void AnalyzeService(ObjectAnalysisContext context)
    {
        if (context.Object is not Service { TypeNode: { } type } service)
        {
            return;
        }

        var exposure = service.Type switch
        {
            "NodePort" => "opens its ports on every node's address, to any client that can reach a node",
            "LoadBalancer" => "asks the cloud for a load balancer that clients outside the cluster can reach (and opens node ports as well)",
            _ => null,
        };
        if (exposure is not null)
        {
            context.Report(Rule, type, service.Identity.Describe(), service.Type, exposure);
        }
    }
}
