using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP4030ProbesIdenticalTests
{
    private static string Pod(string livenessProbe) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: gateway
        spec:
          containers:
            - name: envoy
              image: example/envoy:1.30
              readinessProbe:
                tcpSocket:
                  port: 9901
                timeoutSeconds: 2
              livenessProbe:
        {livenessProbe}
        """;

    [Fact]
    public void A_liveness_probe_equal_as_data_is_a_warning_at_its_key()
    {
        // Another order, a flow mapping instead of a block one, and the default periodSeconds written out.
        var report = Lint.Text(Pod("          periodSeconds: 10\n          timeoutSeconds: 2\n          tcpSocket: {port: 9901}"));

        Assert.Equal(["SHIP4030@13:7"], report.Findings(RuleIds.ProbesIdentical));
        var finding = report.Single(RuleIds.ProbesIdentical);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("Container 'envoy' has a livenessProbe identical to its readinessProbe", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("          tcpSocket: {port: 9901}\n          timeoutSeconds: 2\n          failureThreshold: 5")]
    [InlineData("          tcpSocket: {port: 9901}")]
    [InlineData("          httpGet: {path: /ready, port: 9901}\n          timeoutSeconds: 2")]
    public void Another_timing_or_another_check_is_clean(string livenessProbe)
    {
        Assert.Empty(Lint.Text(Pod(livenessProbe)).Findings(RuleIds.ProbesIdentical));
    }
}
