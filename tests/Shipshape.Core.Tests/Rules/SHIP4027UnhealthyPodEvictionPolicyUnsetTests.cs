using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP4027UnhealthyPodEvictionPolicyUnsetTests
{
    private const string Budget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: search
        spec:
          minAvailable: 60%
          selector:
            matchLabels: {app: search}
        """;

    [Theory]
    [InlineData("1.27", new[] { "SHIP4027@5:1" })]
    [InlineData("1.34", new[] { "SHIP4027@5:1" })]
    [InlineData("1.26", new string[0])]
    [InlineData("1.21", new string[0])]
    public void An_unset_policy_is_reported_from_the_version_where_the_field_works_by_default(string version, string[] expected)
    {
        var report = Lint.Text(Budget, options: Lint.EveryRule with { KubernetesVersion = version });

        Assert.Equal(expected, report.Findings(RuleIds.UnhealthyPodEvictionPolicyUnset));
    }

    [Fact]
    public void Is_off_by_default_and_an_explicit_policy_is_clean()
    {
        Assert.Empty(Lint.Text(Budget).Findings(RuleIds.UnhealthyPodEvictionPolicyUnset));
        var withPolicy = Budget.Replace("  minAvailable: 60%", "  minAvailable: 60%\n  unhealthyPodEvictionPolicy: AlwaysAllow", StringComparison.Ordinal);
        Assert.Empty(Lint.Text(withPolicy, options: Lint.EveryRule).Findings(RuleIds.UnhealthyPodEvictionPolicyUnset));
    }
}
