using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP4028DisruptionBudgetWithoutPolicyTests
{
    private const string Budget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: checkout
          namespace: payments
        spec:
          unhealthyPodEvictionPolicy: AlwaysAllow
          selector:
            matchLabels: {app: checkout}
        """;

    [Fact]
    public void A_budget_without_min_or_max_is_a_warning_at_its_spec_key()
    {
        var report = Lint.Text(Budget);

        Assert.Equal(["SHIP4028@6:1"], report.Findings(RuleIds.DisruptionBudgetWithoutPolicy));
        var finding = report.Single(RuleIds.DisruptionBudgetWithoutPolicy);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("PodDisruptionBudget 'checkout' in namespace 'payments' sets neither minAvailable nor maxUnavailable", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  maxUnavailable: 25%")]
    [InlineData("  minAvailable: 1")]
    public void Either_field_is_clean(string field)
    {
        var yaml = Budget.Replace("  unhealthyPodEvictionPolicy: AlwaysAllow", "  unhealthyPodEvictionPolicy: AlwaysAllow\n" + field, StringComparison.Ordinal);
        Assert.Empty(Lint.Text(yaml).Findings(RuleIds.DisruptionBudgetWithoutPolicy));
    }
}
