using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP1015WorkloadRestartPolicyInvalidTests
{
    private const string ReplicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: queue
        spec:
          selector:
            matchLabels: {app: queue}
          template:
            metadata:
              labels: {app: queue}
            spec:
              containers:
                - name: queue
                  image: example/queue:2.1
              restartPolicy: OnFailure
        """;

    [Fact]
    public void ReplicaSet_pods_that_restart_on_failure_are_an_error_at_the_value_and_always_is_clean()
    {
        var report = Lint.Text(ReplicaSet);

        Assert.Equal(["SHIP1015@15:22"], report.Findings(RuleIds.WorkloadRestartPolicyInvalid));
        var finding = report.Single(RuleIds.WorkloadRestartPolicyInvalid);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(
            "The pod template of ReplicaSet 'queue' has restartPolicy 'OnFailure', but the API server accepts only Always for the pods of a ReplicaSet and rejects the object; remove restartPolicy (it defaults to Always) or run the work as a Job",
            finding.Message);

        Assert.Empty(Lint.Text(ReplicaSet.Replace("OnFailure", "Always", StringComparison.Ordinal)).Findings(RuleIds.WorkloadRestartPolicyInvalid));
    }
}
