using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP3050IngressWithoutTlsTests
{
    private static string Ingress(string annotations, string tls) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: portal
          namespace: shop
          annotations:
            kubernetes.io/description: customer portal
        {{annotations}}
        spec:
        {{tls}}
          rules:
            - host: portal.example.org
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: portal
                        port: {name: http}
        """;

    [Fact]
    public void Is_off_by_default()
    {
        Assert.Empty(Lint.Text(Ingress(string.Empty, string.Empty)).Findings(RuleIds.IngressWithoutTls));
    }

    [Fact]
    public void An_ingress_without_tls_is_reported_at_its_spec_key_when_enabled()
    {
        var report = Lint.Text(Ingress(string.Empty, string.Empty), options: Lint.EveryRule);

        Assert.Equal(["SHIP3050@9:1"], report.Findings(RuleIds.IngressWithoutTls));
        var finding = report.Single(RuleIds.IngressWithoutTls);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.StartsWith("Ingress 'portal' in namespace 'shop' has no tls section", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "  tls:\n    - hosts: [portal.example.org]\n      secretName: portal-tls")]
    [InlineData("    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:us-east-1:111122223333:certificate/portal", "")]
    [InlineData("    alb.ingress.kubernetes.io/listen-ports: '[{\"HTTPS\": 8443}]'", "")]
    [InlineData("    traefik.ingress.kubernetes.io/router.tls: \"True\"", "")]
    public void Tls_or_a_controller_certificate_annotation_is_clean(string annotation, string tls)
    {
        Assert.Empty(Lint.Text(Ingress(annotation, tls), options: Lint.EveryRule).Findings(RuleIds.IngressWithoutTls));
    }
}
