using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests.Rules;

public sealed class SHIP4026JobWithoutTtlTests
{
    private static string Job(string annotations, string ttl) => $"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: reindex
          annotations:
            team: search
        {annotations}
        spec:
          backoffLimit: 2
        {ttl}
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: reindex
                  image: example/reindex:5.4
        """;

    [Fact]
    public void A_job_without_ttl_is_reported_at_its_spec_key_when_enabled_and_not_by_default()
    {
        var yaml = Job(string.Empty, string.Empty);
        Assert.Empty(Lint.Text(yaml).Findings(RuleIds.JobWithoutTtl));

        var report = Lint.Text(yaml, options: Lint.EveryRule);
        Assert.Equal(["SHIP4026@8:1"], report.Findings(RuleIds.JobWithoutTtl));
        Assert.Equal(Severity.Info, report.Single(RuleIds.JobWithoutTtl).Severity);
        Assert.StartsWith("Job 'reindex' sets no ttlSecondsAfterFinished", report.Single(RuleIds.JobWithoutTtl).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "  ttlSecondsAfterFinished: 3600")]
    [InlineData("    helm.sh/hook: pre-upgrade", "")]
    [InlineData("    argocd.argoproj.io/hook: PostSync", "")]
    public void A_ttl_or_a_hook_annotation_is_clean(string annotation, string ttl)
    {
        Assert.Empty(Lint.Text(Job(annotation, ttl), options: Lint.EveryRule).Findings(RuleIds.JobWithoutTtl));
    }
}
