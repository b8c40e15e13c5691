using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests;

/// <summary>
/// The rules that cover the peers' restart-policy, deprecated-service-account, TLS, Job ttl, budget, CronJob deadline
/// and identical-probe checks, over the public and seed corpora with every rule on (four of them are off by default):
/// every finding is pinned and was checked by hand against the manifest; none is an error. A new finding here is a
/// true one to add or a false alarm to fix.
/// </summary>
public sealed class CorpusPeerCatalogueFindingsTests
{
    private static readonly string[] Rules =
    [
        RuleIds.WorkloadRestartPolicyInvalid, RuleIds.DeprecatedServiceAccountField, RuleIds.IngressWithoutTls, RuleIds.JobWithoutTtl,
        RuleIds.UnhealthyPodEvictionPolicyUnset, RuleIds.DisruptionBudgetWithoutPolicy, RuleIds.CronJobWithoutDeadline, RuleIds.ProbesIdentical,
    ];

    [Fact]
    public void Corpus_findings_of_these_rules_are_the_checked_ones_and_none_is_an_error()
    {
        var report = Lint.Files([Path.Combine(RepositoryPaths.Corpus, "public"), RepositoryPaths.Seed], Lint.EveryRule);

        var findings = report.Active.Where(d => Rules.Contains(d.Id)).ToArray();
        Assert.DoesNotContain(findings, d => d.Severity == Severity.Error);
        Assert.Equal(
            [
                "SHIP3050 public/kubernetes-examples/AI/model-serving-tensorflow/ingress.yaml:7:1",  // no tls, no certificate annotation
                "SHIP1016 public/kubernetes-examples/_archived/elasticsearch/es-rc.yaml:14:7",  // serviceAccount alone, no serviceAccountName
                "SHIP1016 public/kubernetes-examples/_archived/elasticsearch/production_cluster/es-client-rc.yaml:16:7",
                "SHIP1016 public/kubernetes-examples/_archived/elasticsearch/production_cluster/es-data-rc.yaml:16:7",
                "SHIP1016 public/kubernetes-examples/_archived/elasticsearch/production_cluster/es-master-rc.yaml:16:7",
                "SHIP4030 public/kubernetes-examples/_archived/selenium/selenium-hub-deployment.yaml:28:9",  // the same httpGet /wd/hub/status with the same delays
                "SHIP4030 public/microservices-demo/kubernetes-manifests/adservice.yaml:64:9",  // grpc on the service port, same timing, in every service
                "SHIP4030 public/microservices-demo/kubernetes-manifests/cartservice.yaml:63:9",
                "SHIP4030 public/microservices-demo/kubernetes-manifests/cartservice.yaml:125:9",  // redis: tcpSocket 6379 both
                "SHIP4030 public/microservices-demo/kubernetes-manifests/checkoutservice.yaml:51:11",
                "SHIP4030 public/microservices-demo/kubernetes-manifests/currencyservice.yaml:58:9",
                "SHIP4030 public/microservices-demo/kubernetes-manifests/emailservice.yaml:58:9",
                "SHIP4030 public/microservices-demo/kubernetes-manifests/paymentservice.yaml:57:9",
                "SHIP4030 public/microservices-demo/kubernetes-manifests/productcatalogservice.yaml:57:9",
                "SHIP4030 public/microservices-demo/kubernetes-manifests/recommendationservice.yaml:53:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:198:9",  // the same services, released in one file
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:267:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:346:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:408:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:566:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:641:11",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:730:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:804:9",
                "SHIP4030 public/microservices-demo/release/kubernetes-manifests.yaml:950:9",
                "SHIP4027 public/prometheus-operator/example/admission-webhook/pod-disruption-budget.yaml:9:1",  // policy/v1, no unhealthyPodEvictionPolicy
                "SHIP4029 public/website-examples/examples/application/job/cronjob.yaml:5:1",
                "SHIP4026 public/website-examples/examples/application/job/job-tmpl.yaml:7:1",  // the tutorials' standalone Jobs set no ttl
                "SHIP4026 public/website-examples/examples/application/job/rabbitmq/job.yaml:5:1",
                "SHIP4026 public/website-examples/examples/application/job/redis/job.yaml:5:1",
                "SHIP4030 public/website-examples/examples/application/zookeeper/zookeeper.yaml:112:9",  // exec zookeeper-ready 2181, same delays, both probes
                "SHIP4026 public/website-examples/examples/controllers/job.yaml:5:1",
                "SHIP3050 public/website-examples/examples/service/networking/ingress.yaml:5:1",
                "SHIP3050 seed/simple-ingress-server-snippet.yml:17:1",
                "SHIP3050 seed/simple-ingress.yml:5:1",
            ],
            findings.Select(d => $"{d.Id} {Path.GetRelativePath(RepositoryPaths.Corpus, d.FilePath).Replace('\\', '/')}:{d.Span.Line}:{d.Span.Column}"));
    }
}
