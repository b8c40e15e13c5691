using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP4029CronJobWithoutDeadlineTests
{
    private static string CronJob(string deadline) => $"""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: invoices
        spec:
          schedule: "*/15 * * * *"
          concurrencyPolicy: Forbid
        {deadline}
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: invoices
                      image: example/invoices:1.2
        """;

    [Fact]
    public void A_cronjob_without_deadline_is_reported_at_its_spec_key_when_enabled_and_not_by_default()
    {
        var yaml = CronJob(string.Empty);
        Assert.Empty(Lint.Text(yaml).Findings(RuleIds.CronJobWithoutDeadline));

        var report = Lint.Text(yaml, options: Lint.EveryRule);
        Assert.Equal(["SHIP4029@5:1"], report.Findings(RuleIds.CronJobWithoutDeadline));
        Assert.StartsWith("CronJob 'invoices' sets no startingDeadlineSeconds", report.Single(RuleIds.CronJobWithoutDeadline).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_is_clean()
    {
        Assert.Empty(Lint.Text(CronJob("  startingDeadlineSeconds: 120"), options: Lint.EveryRule).Findings(RuleIds.CronJobWithoutDeadline));
    }
}
