using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Rules;

namespace Shipshape.Core.Tests.Rules;

/// <summary>
/// The rules that carry a peer's opinion (kube-linter, Polaris, kube-score) for teams that want to keep enforcing it:
/// off by default, on in the strict preset, each at the node it is about. The manifests here are written for these
/// tests, apart from the fixtures.
/// </summary>
public sealed class PeerOpinionRuleTests
{
    private static readonly string[] OpinionRules =
    [
        RuleIds.DefaultServiceAccount, RuleIds.ServiceExposedOutsideCluster, RuleIds.PrivilegedPort, RuleIds.SecretExposedAsEnv,
        RuleIds.SshPortExposed, RuleIds.DnsNdotsNotSet, RuleIds.NodeAffinityMissing, RuleIds.UpdateStrategyNotRolling,
        RuleIds.CpuLimitMissing, RuleIds.InstanceLabelMismatch, RuleIds.PullPolicyNotAlways, RuleIds.RequestsNotEqualLimits,
        RuleIds.EphemeralStorageLimitMissing, RuleIds.PriorityClassMissing,
    ];

    /// <summary>A Deployment that breaks every one of these opinions at once.</summary>
    private const string OpinionatedAgainst = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/instance: shop
        spec:
          strategy:
            type: Recreate
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - containerPort: 22
                  env:
                    - name: TOKEN
                      valueFrom:
                        secretKeyRef: {name: token, key: value}
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: NodePort
          selector:
            app: web
          ports:
            - port: 80
              targetPort: 22
        """;

    [Fact]
    public void The_opinion_rules_are_off_by_default_and_in_the_strict_preset_only()
    {
        foreach (var id in OpinionRules)
        {
            var rule = RuleCatalog.Find(id);
            Assert.NotNull(rule);
            Assert.False(rule.IsEnabledByDefault, $"{id} should be off by default");
            Assert.Equal([RulePreset.Strict], Enum.GetValues<RulePreset>().Where(preset => preset.Includes(rule)));
        }
    }

    [Fact]
    public void A_manifest_against_every_opinion_raises_none_by_default_and_each_in_the_strict_preset()
    {
        Assert.DoesNotContain(Lint.Text(OpinionatedAgainst).Active, d => OpinionRules.Contains(d.Id));

        var strict = Lint.Text(OpinionatedAgainst, options: Lint.EveryRule).Active.Select(d => d.Id).Where(OpinionRules.Contains).Distinct();
        Assert.Equal(OpinionRules.Order(StringComparer.Ordinal), strict.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SHIP3051_reports_a_cron_job_without_a_service_account_and_a_pod_that_names_default_through_the_old_field()
    {
        var report = Lint.Text("""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              schedule: "0 2 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: job
                          image: job:1.0
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: old
            spec:
              serviceAccount: default
              containers:
                - name: old
                  image: old:1.0
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP3051@11:11", "SHIP3051@21:19"], report.Findings(RuleIds.DefaultServiceAccount));
        Assert.StartsWith("CronJob 'nightly' runs as its namespace's 'default' ServiceAccount", report.Active.First(d => d.Id == RuleIds.DefaultServiceAccount).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP3052_reports_the_type_in_a_flow_mapping()
    {
        var report = Lint.Text("""
            apiVersion: v1
            kind: Service
            metadata: {name: edge, namespace: shop}
            spec: {type: LoadBalancer, selector: {app: edge}, ports: [{port: 443}]}
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP3052@4:14"], report.Findings(RuleIds.ServiceExposedOutsideCluster));
        Assert.StartsWith("Service 'edge' in namespace 'shop' is of type LoadBalancer, which asks the cloud", report.Single(RuleIds.ServiceExposedOutsideCluster).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP3053_reports_port_443_of_a_stateful_set_and_not_1024()
    {
        var report = Lint.Text("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: gateway
            spec:
              serviceName: gateway
              selector:
                matchLabels: {app: gateway}
              template:
                metadata:
                  labels: {app: gateway}
                spec:
                  containers:
                    - name: gateway
                      image: gateway:2.0
                      ports:
                        - {name: https, containerPort: 443}
                        - {name: metrics, containerPort: 1024}
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP3053@17:44"], report.Findings(RuleIds.PrivilegedPort));
        Assert.StartsWith("Container 'gateway' declares port 443 (https), below 1024", report.Single(RuleIds.PrivilegedPort).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP3054_names_the_secret_and_the_variable_of_a_job()
    {
        var report = Lint.Text("""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: sync
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: sync
                      image: sync:3.1
                      env:
                        - name: API_TOKEN
                          valueFrom: {secretKeyRef: {name: upstream, key: token}}
                        - name: REGION
                          value: eu-west-1
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP3054@14:27"], report.Findings(RuleIds.SecretExposedAsEnv));
        Assert.StartsWith("Container 'sync' reads Secret 'upstream' into environment variable 'API_TOKEN';", report.Single(RuleIds.SecretExposedAsEnv).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP3055_reports_port_22_of_a_daemon_set_sidecar()
    {
        var report = Lint.Text("""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-debug
            spec:
              selector:
                matchLabels: {app: node-debug}
              template:
                metadata:
                  labels: {app: node-debug}
                spec:
                  containers:
                    - name: agent
                      image: agent:1.0
                    - name: sshd
                      image: sshd:9.8
                      ports:
                        - name: ssh
                          containerPort: 22
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP3055@19:30"], report.Findings(RuleIds.SshPortExposed));
        Assert.StartsWith("Container 'sshd' declares port 22 (ssh), the SSH port", report.Single(RuleIds.SshPortExposed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4031_reports_a_dns_config_of_nameservers_only()
    {
        var report = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: resolver
            spec:
              containers:
                - name: resolver
                  image: resolver:1.0
              dnsConfig:
                nameservers: [10.0.0.10]
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4031@9:3"], report.Findings(RuleIds.DnsNdotsNotSet));
    }

    [Fact]
    public void SHIP4032_accepts_node_affinity_and_reports_an_empty_node_selector()
    {
        var report = Lint.Text("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: pinned
            spec:
              selector:
                matchLabels: {app: pinned}
              template:
                metadata:
                  labels: {app: pinned}
                spec:
                  affinity:
                    nodeAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                        - weight: 1
                          preference:
                            matchExpressions: [{key: pool, operator: In, values: [general]}]
                  containers:
                    - name: pinned
                      image: pinned:1.0
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: anywhere
            spec:
              nodeSelector: {}
              containers:
                - name: anywhere
                  image: anywhere:1.0
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4032@27:3"], report.Findings(RuleIds.NodeAffinityMissing));
        Assert.StartsWith("Pod 'anywhere' has no node affinity", report.Single(RuleIds.NodeAffinityMissing).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4033_reports_a_deployment_config_that_recreates_and_names_its_rolling_strategy()
    {
        var report = Lint.Text("""
            apiVersion: apps.openshift.io/v1
            kind: DeploymentConfig
            metadata:
              name: legacy
            spec:
              replicas: 2
              strategy: {type: Recreate}
              selector: {app: legacy}
              template:
                metadata:
                  labels: {app: legacy}
                spec:
                  containers:
                    - name: legacy
                      image: legacy:1.0
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4033@7:20"], report.Findings(RuleIds.UpdateStrategyNotRolling));
        var message = report.Single(RuleIds.UpdateStrategyNotRolling).Message;
        Assert.StartsWith("DeploymentConfig 'legacy' uses the update strategy Recreate, which stops every old pod", message, StringComparison.Ordinal);
        Assert.Contains("; use Rolling, unless", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4034_reports_only_the_container_without_a_cpu_limit()
    {
        var report = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: pair
            spec:
              containers:
                - name: capped
                  image: capped:1.0
                  resources:
                    limits: {cpu: "2", memory: 1Gi}
                - name: free
                  image: free:1.0
                  resources:
                    limits: {memory: 1Gi}
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4034@11:13"], report.Findings(RuleIds.CpuLimitMissing));
        Assert.StartsWith("Container 'free' sets no CPU limit", report.Single(RuleIds.CpuLimitMissing).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4035_reports_a_stateful_set_whose_instance_label_is_not_its_name()
    {
        var report = Lint.Text("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              labels: {app.kubernetes.io/name: postgres, app.kubernetes.io/instance: orders}
            spec:
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                    - name: db
                      image: postgres:16
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4035@5:74"], report.Findings(RuleIds.InstanceLabelMismatch));
        Assert.StartsWith("StatefulSet 'db' has the label app.kubernetes.io/instance: orders, which is not its name 'db'", report.Single(RuleIds.InstanceLabelMismatch).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4036_reports_never_and_accepts_a_latest_image_without_a_policy()
    {
        var report = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: offline
            spec:
              containers:
                - name: offline
                  image: offline:2.3
                  imagePullPolicy: Never
                - name: moving
                  image: moving:latest
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4036@9:24"], report.Findings(RuleIds.PullPolicyNotAlways));
        Assert.StartsWith("Container 'offline' pulls its image with imagePullPolicy Never, so", report.Single(RuleIds.PullPolicyNotAlways).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4037_compares_quantities_by_value()
    {
        var report = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: sized
            spec:
              containers:
                - name: sized
                  image: sized:1.0
                  resources:
                    requests: {cpu: "0.5", memory: 512Mi, ephemeral-storage: 1G}
                    limits: {cpu: 500m, memory: 1Gi, ephemeral-storage: 1000M}
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4037@10:40"], report.Findings(RuleIds.RequestsNotEqualLimits));
        Assert.StartsWith("Container 'sized' requests 512Mi memory but limits it to 1Gi,", report.Single(RuleIds.RequestsNotEqualLimits).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4038_reports_an_init_container_and_leaves_out_ephemeral_containers()
    {
        var report = Lint.Text("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: staged
            spec:
              initContainers:
                - name: fetch
                  image: fetch:1.0
              containers:
                - name: serve
                  image: serve:1.0
                  resources:
                    limits: {ephemeral-storage: 500Mi}
              ephemeralContainers:
                - name: debugger
                  image: busybox:1.36
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4038@7:13"], report.Findings(RuleIds.EphemeralStorageLimitMissing));
        Assert.StartsWith("Init container 'fetch' sets no ephemeral-storage limit", report.Single(RuleIds.EphemeralStorageLimitMissing).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SHIP4039_reports_the_deployment_without_a_priority_class()
    {
        var report = Lint.Text("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: checkout
            spec:
              selector:
                matchLabels: {app: checkout}
              template:
                metadata:
                  labels: {app: checkout}
                spec:
                  containers:
                    - name: checkout
                      image: checkout:4.2
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: search
            spec:
              selector:
                matchLabels: {app: search}
              template:
                metadata:
                  labels: {app: search}
                spec:
                  priorityClassName: business-critical
                  containers:
                    - name: search
                      image: search:4.2
            """, options: Lint.EveryRule);

        Assert.Equal(["SHIP4039@12:7"], report.Findings(RuleIds.PriorityClassMissing));
        Assert.StartsWith("Deployment 'checkout' sets no priorityClassName", report.Single(RuleIds.PriorityClassMissing).Message, StringComparison.Ordinal);
    }
}
