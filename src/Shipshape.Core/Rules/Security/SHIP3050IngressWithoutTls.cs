using Shipshape.Core.Analysis;
using Shipshape.Core.Model;

namespace Shipshape.Core.Rules.Security;

/// <summary>
/// An Ingress has no <c>tls</c> entries and no annotation by which a known controller terminates TLS for it
/// (a cloud load balancer's certificate, Traefik's TLS router, ingress-nginx redirecting to HTTPS terminated in front).
/// </summary>
public sealed class SHIP3050IngressWithoutTls : ManifestAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        id: RuleIds.IngressWithoutTls,
        title: "Ingress without TLS",
        messageFormat: "{0} has no tls section and no annotation that gives its controller a certificate, so its hosts are served over plain HTTP, where passwords, cookies and tokens travel readable; add spec.tls with the hosts and a certificate Secret, or your controller's certificate annotation",
        category: RuleCategory.Security,
        defaultSeverity: Severity.Info,
        isEnabledByDefault: false,
        description: "Without TLS an Ingress serves its hosts over plain HTTP; many setups terminate TLS in a load balancer in front of the controller, so the rule is off by default.");

    /// <summary>
    /// Annotations with which a controller terminates TLS without a tls section, and which of their values mean so: any
    /// value names a certificate; a switch counts only when it turns TLS on.
    /// </summary>
    private static readonly (string Key, Func<string, bool> TurnsTlsOn)[] TlsAnnotations =
    [
        ("alb.ingress.kubernetes.io/certificate-arn", AnyValue),        // AWS Load Balancer Controller: ACM certificates
        ("alb.ingress.kubernetes.io/listen-ports", ListensOnHttps),      // AWS: an HTTPS listener, its certificate found in ACM by host
        ("ingress.gcp.kubernetes.io/pre-shared-cert", AnyValue),         // GKE: certificates uploaded to Google Cloud
        ("networking.gke.io/managed-certificates", AnyValue),            // GKE: Google-managed certificates
        ("appgw.ingress.kubernetes.io/appgw-ssl-certificate", AnyValue), // Azure Application Gateway: a certificate installed on the gateway
        ("traefik.ingress.kubernetes.io/router.tls", IsTrue),            // Traefik: TLS with its default or resolved certificate
        ("nginx.ingress.kubernetes.io/force-ssl-redirect", IsTrue),      // ingress-nginx behind a load balancer that terminates TLS
    ];

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterObjectAction(AnalyzeIngress, "Ingress");

    private static void AnalyzeIngress(ObjectAnalysisContext context)
    {
        var ingress = context.Object;
        if (ingress.Spec?.Sequence("tls") is { Count: > 0 } || TerminatesTlsByAnnotation(ingress.Metadata.Annotations))
        {
            return;
        }

        context.Report(Rule, ingress.SpecAnchor, ingress.Identity.Describe());
    }

    private static bool TerminatesTlsByAnnotation(LabelMap annotations)
    {
        foreach (var (key, turnsTlsOn) in TlsAnnotations)
        {
            if (annotations[key] is { Length: > 0 } value && turnsTlsOn(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyValue(string _) => true;

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The listen-ports value is JSON such as <c>[{"HTTP": 80}, {"HTTPS": 443}]</c>.</summary>
    private static bool ListensOnHttps(string value) => value.Contains("\"HTTPS\"", StringComparison.OrdinalIgnoreCase);
}
