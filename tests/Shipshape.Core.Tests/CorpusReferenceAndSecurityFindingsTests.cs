using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests;

/// <summary>
/// The cross-resource reference, Gateway API, RBAC, misplaced-secret and availability rules over the public corpus,
/// linted as one set: every finding is pinned and was checked by hand (a reference the corpus truly lacks, a role
/// that truly grants it); none is an error. Each SHIP2011 names an object the corpus does not hold: one its example's instructions
/// create by hand (kubectl create secret …) or that is missing. A new finding here is a true one to add or a false
/// alarm to fix.
/// </summary>
public sealed class CorpusReferenceAndSecurityFindingsTests
{
    private static readonly string[] Rules =
    [
        RuleIds.AutoscalerTargetNotFound, RuleIds.DisruptionBudgetSelectsNothing, RuleIds.NetworkPolicySelectsNothing,
        RuleIds.PodReferenceNotFound, RuleIds.StatefulSetServiceNotHeadless, RuleIds.IngressReferenceNotFound,
        RuleIds.RouteBackendNotFound, RuleIds.RouteParentNotFound, RuleIds.RouteNotAllowedByListener,
        RuleIds.ClusterAdminBinding, RuleIds.RbacWildcard, RuleIds.SecretsReadAccess, RuleIds.PodExecAccess,
        RuleIds.RbacEscalationVerb, RuleIds.BroadSubjectBinding, RuleIds.SecretInConfigMap, RuleIds.SecretInCommandArgs,
        RuleIds.NetworkPolicyPeerSelectsNothing, RuleIds.PodCreationAccess, RuleIds.DisruptionBudgetBlocksAutoscaledEviction,
    ];

    [Fact]
    public void Public_corpus_findings_of_these_rules_are_the_checked_ones_and_none_is_an_error()
    {
        var report = Lint.Files([Path.Combine(RepositoryPaths.Corpus, "public")]);

        var findings = report.Active.Where(d => Rules.Contains(d.Id)).ToArray();
        Assert.DoesNotContain(findings, d => d.Severity == Severity.Error);
        Assert.Equal(
            [
                "SHIP3042 public/argo-cd/manifests/install.yaml:31223:5",
                "SHIP3042 public/argo-cd/manifests/install.yaml:31311:5",
                "SHIP3042 public/argo-cd/manifests/install.yaml:31346:5",
                "SHIP3042 public/argo-cd/manifests/install.yaml:31377:5",
                "SHIP3042 public/argo-cd/manifests/install.yaml:31434:5",
                "SHIP3041 public/argo-cd/manifests/install.yaml:31480:5",
                "SHIP3041 public/argo-cd/manifests/install.yaml:31484:5",
                "SHIP3042 public/argo-cd/manifests/install.yaml:31538:5",
                "SHIP3041 public/argo-cd/manifests/install.yaml:31573:5",
                "SHIP3041 public/argo-cd/manifests/install.yaml:31579:5",
                "SHIP3049 public/argo-cd/manifests/install.yaml:31609:5",  // argocd-server creates Jobs (to run a CronJob now) in every namespace it is bound for
                "SHIP2011 public/argo-cd/manifests/install.yaml:32754:21",  // Secret argocd-redis is made at install time by the argocd-redis-secret-init Job, not by a manifest
                "SHIP2011 public/argo-cd/manifests/install.yaml:32833:21",
                "SHIP2011 public/argo-cd/manifests/install.yaml:33270:21",
                "SHIP2012 public/argo-cd/manifests/install.yaml:33772:16",  // argo-cd defines no Service named argocd-application-controller
                "SHIP2011 public/argo-cd/manifests/install.yaml:33801:21",
                "SHIP3041 public/kubernetes-examples/AI/vllm-deployment/hpa/prometheus-adapter.yaml:56:5",
                "SHIP2011 public/kubernetes-examples/AI/vllm-deployment/vllm-deployment.yaml:53:21",
                "SHIP2011 public/kubernetes-examples/_archived/https-nginx/nginx-app.yaml:33:23",
                "SHIP2011 public/kubernetes-examples/_archived/https-nginx/nginx-app.yaml:36:17",
                "SHIP2011 public/kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml:46:25",
                "SHIP2011 public/kubernetes-examples/_archived/newrelic/newrelic-daemonset.yaml:51:25",
                "SHIP2011 public/kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml:37:25",
                "SHIP2011 public/kubernetes-examples/_archived/persistent-volume-provisioning/cinder/example-pod.yaml:23:24",
                "SHIP2011 public/kubernetes-examples/_archived/persistent-volume-provisioning/quobyte/example-pod.yaml:23:24",
                "SHIP2011 public/kubernetes-examples/_archived/persistent-volume-provisioning/rbd/pod.yaml:23:24",
                "SHIP2011 public/kubernetes-examples/_archived/volumes/vsphere/vsphere-volume-pvcscvsanpod.yaml:15:18",
                "SHIP2011 public/prometheus-operator/example/admission-webhook/deployment.yaml:77:23",
                "SHIP3041 public/prometheus-operator/example/rbac/prometheus-operator/prometheus-operator-cluster-role.yaml:37:5",
                "SHIP3049 public/prometheus-operator/example/rbac/prometheus-operator/prometheus-operator-cluster-role.yaml:41:5",  // the operator's '*' on statefulsets creates the Prometheus pods
                "SHIP3041 public/prometheus-operator/example/rbac/prometheus-operator/prometheus-operator-cluster-role.yaml:43:5",
                "SHIP3042 public/prometheus-operator/example/rbac/prometheus-operator/prometheus-operator-cluster-role.yaml:48:5",
                "SHIP3041 public/prometheus-operator/example/rbac/prometheus-operator/prometheus-operator-cluster-role.yaml:50:5",
                "SHIP3045 public/prometheus-operator/example/thanos/prometheus-cluster-role-binding.yaml:11:9",  // binds ServiceAccount default/default cluster-wide
                "SHIP3040 public/website-examples/examples/admin/cloud/ccm-example.yaml:20:9",  // the cloud controller manager example binds cluster-admin
                "SHIP2008 public/website-examples/examples/application/hpa/php-apache.yaml:10:11",  // the php-apache Deployment of the tutorial is not in the corpus; Deployments of namespace default are
                "SHIP2011 public/website-examples/examples/application/wordpress/mysql-deployment.yaml:54:21",  // mysql-pass comes from the tutorial's kustomization secretGenerator
                "SHIP2011 public/website-examples/examples/application/wordpress/wordpress-deployment.yaml:56:21",
                "SHIP2011 public/website-examples/examples/podpreset/allow-db-merged.yaml:37:22",
                "SHIP2011 public/website-examples/examples/pods/config/redis-pod.yaml:27:15",
                "SHIP2011 public/website-examples/examples/pods/pod-projected-svc-token.yaml:12:23",
                "SHIP2011 public/website-examples/examples/pods/private-reg-pod.yaml:10:11",  // regcred: kubectl create secret docker-registry, in the tutorial
                "SHIP2011 public/website-examples/examples/pods/storage/projected.yaml:21:17",
                "SHIP2011 public/website-examples/examples/pods/storage/projected.yaml:23:17",
                "SHIP2011 public/website-examples/examples/service/networking/curlpod.yaml:18:23",
                "SHIP2011 public/website-examples/examples/service/networking/nginx-secure-app.yaml:37:23",
            ],
            findings.Select(d => $"{d.Id} {Path.GetRelativePath(RepositoryPaths.Corpus, d.FilePath).Replace('\\', '/')}:{d.Span.Line}:{d.Span.Column}"));
    }

    /// <summary>
    /// The rules off by default that judge a workload by its neighbours (no policy isolates it, no budget guards it) and
    /// the autoscaler floor, run as the strict preset runs them. The corpus is many unrelated examples without
    /// namespaces, and two of them (zookeeper, cockroachdb) bring budgets without one, so every replicated workload
    /// without a namespace gets SHIP4023 (as does the shards example's app, in namespace default beside the admission
    /// webhook's budget): true of each, none has a budget, and the reason the rule is off by default.
    /// No SHIP3048: the corpus's NetworkPolicies (prometheus-operator's) have no namespace, and the custom resources
    /// of the set keep the rule from judging pods without one.
    /// </summary>
    [Fact]
    public void Public_corpus_findings_of_the_neighbourhood_rules_in_the_strict_preset_are_the_checked_ones()
    {
        string[] rules = [RuleIds.WorkloadNotIsolated, RuleIds.DisruptionBudgetMissing, RuleIds.AutoscalerMinReplicasLow];

        var report = Lint.Files([Path.Combine(RepositoryPaths.Corpus, "public")], Lint.EveryRule);

        var findings = report.Active.Where(d => rules.Contains(d.Id)).ToArray();
        Assert.DoesNotContain(findings, d => d.Severity == Severity.Error);
        Assert.Equal(
            [
                "SHIP4025 public/kubernetes-examples/AI/vllm-deployment/hpa/gpu-horizontal-pod-autoscaler.yaml:16:16",
                "SHIP4025 public/kubernetes-examples/AI/vllm-deployment/hpa/horizontal-pod-autoscaler.yaml:16:16",
                "SHIP4023 public/kubernetes-examples/AI/vllm-deployment/vllm-deployment.yaml:7:3",
                "SHIP4023 public/kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml:11:13",
                "SHIP4023 public/kubernetes-examples/_archived/selenium/selenium-node-chrome-deployment.yaml:8:13",
                "SHIP4023 public/kubernetes-examples/_archived/selenium/selenium-node-firefox-deployment.yaml:8:13",
                "SHIP4023 public/kubernetes-examples/_archived/storage/minio/minio-distributed-statefulset.yaml:12:13",
                "SHIP4023 public/kubernetes-examples/_archived/storm/storm-worker-controller.yaml:8:13",
                "SHIP4023 public/kubernetes-examples/_archived/volumes/nfs/nfs-busybox-deployment.yaml:9:13",
                "SHIP4023 public/kubernetes-examples/_archived/volumes/nfs/nfs-web-deployment.yaml:9:13",
                "SHIP4023 public/kubernetes-examples/_archived/volumes/vsphere/simple-statefulset.yaml:27:13",
                "SHIP4023 public/kubernetes-examples/databases/cassandra/cassandra-statefulset.yaml:9:13",
                "SHIP4023 public/kubernetes-examples/web/guestbook/all-in-one/frontend.yaml:29:13",
                "SHIP4023 public/kubernetes-examples/web/guestbook/all-in-one/guestbook-all-in-one.yaml:72:13",
                "SHIP4023 public/kubernetes-examples/web/guestbook/all-in-one/guestbook-all-in-one.yaml:126:13",
                "SHIP4023 public/kubernetes-examples/web/guestbook/all-in-one/redis-replica.yaml:27:13",
                "SHIP4023 public/kubernetes-examples/web/guestbook/frontend-deployment.yaml:10:13",
                "SHIP4023 public/kubernetes-examples/web/guestbook/redis-replica-deployment.yaml:11:13",
                "SHIP4023 public/prometheus-operator/example/shards/example-app-deployment.yaml:7:13",
                "SHIP4023 public/prometheus-operator/example/user-guides/getting-started/example-app-deployment.yaml:6:13",
                "SHIP4023 public/website-examples/examples/admin/resource/quota-pod-deployment.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/cassandra/cassandra-statefulset.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/deployment-patch.yaml:6:13",
                "SHIP4023 public/website-examples/examples/application/deployment-scale.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/deployment-update.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/deployment.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/guestbook/frontend-deployment.yaml:12:13",
                "SHIP4023 public/website-examples/examples/application/guestbook/redis-slave-deployment.yaml:13:13",
                "SHIP4025 public/website-examples/examples/application/hpa/php-apache.yaml:11:16",
                "SHIP4023 public/website-examples/examples/application/mysql/mysql-statefulset.yaml:10:13",
                "SHIP4023 public/website-examples/examples/application/nginx-app.yaml:21:13",
                "SHIP4023 public/website-examples/examples/application/nginx-with-request.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/nginx/nginx-deployment.yaml:9:13",
                "SHIP4023 public/website-examples/examples/application/web/web-parallel.yaml:22:13",
                "SHIP4023 public/website-examples/examples/application/web/web.yaml:21:13",
                "SHIP4023 public/website-examples/examples/controllers/nginx-deployment.yaml:8:13",
                "SHIP4023 public/website-examples/examples/service/access/hello.yaml:11:13",
                "SHIP4023 public/website-examples/examples/service/networking/run-my-nginx.yaml:9:13",
                "SHIP4023 public/website-examples/examples/windows/deploy-hyperv.yaml:9:13",
                "SHIP4023 public/website-examples/examples/windows/deploy-resource.yaml:6:13",
            ],
            findings.Select(d => $"{d.Id} {Path.GetRelativePath(RepositoryPaths.Corpus, d.FilePath).Replace('\\', '/')}:{d.Span.Line}:{d.Span.Column}"));
    }
}
