using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

/// <summary>SHIP2017 (a policy peer that selects no pods) and SHIP3048 (a workload no policy isolates) on a set written here, not a fixture.</summary>
public sealed class NetworkPolicyRuleTests
{
    private const string Store = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          namespace: store
        spec:
          selector:
            matchLabels: {app: orders}
          template:
            metadata:
              labels: {app: orders}
            spec:
              containers:
                - name: orders
                  image: example/orders:2.1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: payments
          namespace: store
          labels: {app: payments}
        spec:
          containers:
            - name: payments
              image: example/payments:1.0
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: orders
          namespace: store
        spec:
          podSelector: {matchLabels: {app: orders}}
          ingress:
            - from:
                - namespaceSelector: {}
                  podSelector: {matchLabels: {app: gateway}}
          egress:
            - to:
                - podSelector: {matchLabels: {app: payment}}
        """;

    [Fact]
    public void An_egress_peer_with_a_mistyped_label_is_reported_at_its_pod_selector_and_the_corrected_one_is_not()
    {
        var report = Lint.Text(Store);

        Assert.Equal([$"{RuleIds.NetworkPolicyPeerSelectsNothing}@41:11"], report.Findings(RuleIds.NetworkPolicyPeerSelectsNothing));
        Assert.Equal(
            "The 'to' peer on line 41 of NetworkPolicy 'orders' in namespace 'store' selects pods with {app=payment}, but no Pod or workload template in its namespace has those labels; the rule lets the policy's pods reach no pod, so the servers it was written for stay out of their reach: fix the podSelector, or add a namespaceSelector if those pods run in another namespace",
            report.Single(RuleIds.NetworkPolicyPeerSelectsNothing).Message);

        Assert.Empty(Lint.Text(Store.Replace("{app: payment}}", "{app: payments}}", StringComparison.Ordinal)).Findings(RuleIds.NetworkPolicyPeerSelectsNothing));
    }

    [Fact]
    public void A_peer_is_not_judged_when_the_set_runs_no_pods_in_the_policys_namespace()
    {
        var policyAlone = Store[Store.IndexOf("apiVersion: networking.k8s.io/v1", StringComparison.Ordinal)..];

        Assert.Empty(Lint.Text(policyAlone).Findings(RuleIds.NetworkPolicyPeerSelectsNothing));
    }

    [Fact]
    public void A_workload_no_policy_selects_is_reported_at_its_labels_only_when_the_rule_is_on_and_a_default_deny_policy_isolates_it()
    {
        Assert.Empty(Lint.Text(Store).Findings(RuleIds.WorkloadNotIsolated));

        var report = Lint.Text(Store, options: Lint.EveryRule);

        Assert.Equal([$"{RuleIds.WorkloadNotIsolated}@22:3"], report.Findings(RuleIds.WorkloadNotIsolated));
        Assert.StartsWith(
            "No NetworkPolicy selects the pods of Pod 'payments' in namespace 'store', although the linted files hold NetworkPolicies for its namespace;",
            report.Single(RuleIds.WorkloadNotIsolated).Message,
            StringComparison.Ordinal);

        const string DefaultDeny = """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: store
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            """;
        Assert.Empty(Lint.Text(Store + DefaultDeny, options: Lint.EveryRule).Findings(RuleIds.WorkloadNotIsolated));
    }

    [Fact]
    public void Workloads_of_a_namespace_without_policies_are_not_judged()
    {
        var elsewhere = Store.Replace("namespace: store\n  labels: {app: payments}", "namespace: ledger\n  labels: {app: payments}", StringComparison.Ordinal);
        Assert.NotEqual(Store, elsewhere);

        Assert.Empty(Lint.Text(elsewhere, options: Lint.EveryRule).Findings(RuleIds.WorkloadNotIsolated));
    }
}
