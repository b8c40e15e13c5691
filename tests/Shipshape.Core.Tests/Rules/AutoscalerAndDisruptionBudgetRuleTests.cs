using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

/// <summary>
/// SHIP4023 (a replicated workload without a budget), SHIP4024 (a budget that blocks eviction at the autoscaler's
/// minimum) and SHIP4025 (an autoscaler that may scale down to one) on a set written here, not a fixture.
/// </summary>
public sealed class AutoscalerAndDisruptionBudgetRuleTests
{
    private const string Checkout = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
          namespace: store
        spec:
          selector:
            matchLabels: {app: checkout}
          template:
            metadata:
              labels: {app: checkout}
            spec:
              containers:
                - name: checkout
                  image: example/checkout:3.0
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: checkout
          namespace: store
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
          maxReplicas: 6
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: checkout
          namespace: store
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: checkout}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: search
          namespace: store
        spec:
          replicas: 2
          selector:
            matchLabels: {app: search}
          template:
            metadata:
              labels: {app: search}
            spec:
              containers:
                - name: search
                  image: example/search:1.4
        """;

    private static readonly string[] Rules = [RuleIds.DisruptionBudgetMissing, RuleIds.DisruptionBudgetBlocksAutoscaledEviction, RuleIds.AutoscalerMinReplicasLow];

    [Fact]
    public void Each_rule_reports_at_its_node()
    {
        var report = Lint.Text(Checkout, options: Lint.EveryRule);

        Assert.Equal(
            [$"{RuleIds.DisruptionBudgetMissing}@42:13", $"{RuleIds.DisruptionBudgetBlocksAutoscaledEviction}@32:17", $"{RuleIds.AutoscalerMinReplicasLow}@22:1"],
            report.Active.Where(d => Rules.Contains(d.Id)).Select(d => $"{d.Id}@{d.Span.Line}:{d.Span.Column}").Order(StringComparer.Ordinal));
        Assert.Equal(
            "HorizontalPodAutoscaler 'checkout' in namespace 'store' may scale Deployment 'checkout' down to 1 replica (minReplicas is not set and defaults to 1); then one node drain, eviction or crash takes the workload down: set minReplicas: 2 or more",
            report.Single(RuleIds.AutoscalerMinReplicasLow).Message);
        Assert.Equal(
            "PodDisruptionBudget 'checkout' in namespace 'store' requires minAvailable 1, but minReplicas 1 of HorizontalPodAutoscaler 'checkout' in namespace 'store' lets the pods it selects shrink to 1; at that scale no pod may be evicted, and node drains and cluster upgrades hang: set minAvailable below 1, use maxUnavailable: 1, or raise minReplicas",
            report.Single(RuleIds.DisruptionBudgetBlocksAutoscaledEviction).Message);
        Assert.Equal(
            "Deployment 'search' in namespace 'store' runs 2 replicas, but no PodDisruptionBudget selects its pods, although the linted files hold budgets for its namespace; a node drain or cluster upgrade may evict all its replicas at once: add a PodDisruptionBudget with maxUnavailable: 1 and the workload's selector",
            report.Single(RuleIds.DisruptionBudgetMissing).Message);
    }

    [Fact]
    public void By_default_only_the_budget_that_blocks_eviction_is_reported()
    {
        Assert.Equal(
            [$"{RuleIds.DisruptionBudgetBlocksAutoscaledEviction}@32:17"],
            Lint.Text(Checkout).Active.Where(d => Rules.Contains(d.Id)).Select(d => $"{d.Id}@{d.Span.Line}:{d.Span.Column}"));
    }

    [Fact]
    public void Raising_min_replicas_and_guarding_search_clears_all_three()
    {
        var fixedSet = Checkout
            .Replace("  maxReplicas: 6", "  minReplicas: 2\n  maxReplicas: 6", StringComparison.Ordinal)
            .Replace("matchLabels: {app: checkout}\n---\napiVersion: apps/v1", "matchExpressions: [{key: app, operator: In, values: [checkout, search]}]\n---\napiVersion: apps/v1", StringComparison.Ordinal);
        Assert.Contains("minReplicas: 2", fixedSet, StringComparison.Ordinal);
        Assert.Contains("values: [checkout, search]", fixedSet, StringComparison.Ordinal);

        Assert.DoesNotContain(Lint.Text(fixedSet, options: Lint.EveryRule).Active, d => Rules.Contains(d.Id));
    }

    [Fact]
    public void A_workload_without_a_namespace_is_judged_only_beside_budgets_without_one()
    {
        var search = Checkout[Checkout.LastIndexOf("apiVersion: apps/v1", StringComparison.Ordinal)..].Replace("  namespace: store\n", string.Empty, StringComparison.Ordinal);
        const string Budget = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: other
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app: other}
            ---

            """;
        var budgetIn = (string? ns) => ns is null ? Budget : Budget.Replace("  name: other\n", $"  name: other\n  namespace: {ns}\n", StringComparison.Ordinal);

        Assert.Empty(Lint.Text(budgetIn("store") + search, options: Lint.EveryRule).Findings(RuleIds.DisruptionBudgetMissing));
        Assert.Equal([$"{RuleIds.DisruptionBudgetMissing}@15:13"], Lint.Text(budgetIn(null) + search, options: Lint.EveryRule).Findings(RuleIds.DisruptionBudgetMissing));
    }

    [Fact]
    public void A_budget_over_an_autoscaled_workload_that_writes_replicas_is_judged_once_against_the_autoscalers_minimum()
    {
        var withReplicas = Checkout
            .Replace("name: checkout\n  namespace: store\nspec:\n  selector:", "name: checkout\n  namespace: store\nspec:\n  replicas: 3\n  selector:", StringComparison.Ordinal)
            .Replace("  maxReplicas: 6", "  minReplicas: 2\n  maxReplicas: 6", StringComparison.Ordinal)
            .Replace("  minAvailable: 1", "  minAvailable: 3", StringComparison.Ordinal);
        Assert.Contains("  replicas: 3\n", withReplicas, StringComparison.Ordinal);

        var report = Lint.Text(withReplicas);

        Assert.Equal([$"{RuleIds.DisruptionBudgetBlocksAutoscaledEviction}@34:17"], report.Findings(RuleIds.DisruptionBudgetBlocksAutoscaledEviction));
        Assert.Empty(report.Findings(RuleIds.DisruptionBudgetBlocksEviction));
    }
}
