using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

/// <summary>SHIP3049 (a role that may create pods or pod-creating workloads) on roles written here, not a fixture.</summary>
public sealed class PodCreationAccessTests
{
    private const string CiRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: ci
        rules:
          - apiGroups: [batch]
            resources: [cronjobs]
            verbs: [create, delete]
          - apiGroups: [""]
            resources: ["*"]
            verbs: [create]
        """;

    [Fact]
    public void Create_on_cronjobs_is_reported_at_the_resource_and_the_wildcard_is_left_to_SHIP3041()
    {
        var report = Lint.Text(CiRole);

        Assert.Equal([$"{RuleIds.PodCreationAccess}@7:17"], report.Findings(RuleIds.PodCreationAccess));
        Assert.Equal([$"{RuleIds.RbacWildcard}@10:17"], report.Findings(RuleIds.RbacWildcard));
        Assert.Equal(
            "The rule on line 6 of ClusterRole 'ci' grants create on cronjobs, so its subjects can start pods in every namespace it is bound for that run under any ServiceAccount there and mount any Secret there; grant it only to the controllers and people that deploy, and bind the role in as few namespaces as possible",
            report.Single(RuleIds.PodCreationAccess).Message);
    }

    [Theory]
    [InlineData("verbs: [create, delete]", "verbs: [get, delete]")]
    [InlineData("apiGroups: [batch]", "apiGroups: [apps]")]
    [InlineData("resources: [cronjobs]", "resources: [cronjobs/status]")]
    public void Without_create_on_a_pod_creating_resource_of_its_group_the_rule_is_silent(string written, string instead)
    {
        var changed = CiRole.Replace(written, instead, StringComparison.Ordinal);
        Assert.NotEqual(CiRole, changed);

        Assert.Empty(Lint.Text(changed).Findings(RuleIds.PodCreationAccess));
    }
}
