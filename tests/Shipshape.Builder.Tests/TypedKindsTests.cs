using Shipshape.Builder.Kinds.Batch.V1;
using Shipshape.Builder.Kinds.Networking.V1;
using CoreV1 = Shipshape.Builder.Kinds.Core.V1;
using MetaV1 = Shipshape.Builder.Kinds.Meta.V1;

namespace Shipshape.Builder.Tests;

/// <summary>Kinds the hand-written builder has no class for, built with the generated ones, in one app with the builder's own.</summary>
public sealed class TypedKindsTests
{
    [Fact]
    public void A_typed_CronJob_with_a_ConfigMap_volume_and_a_NetworkPolicy_synthesize_without_findings()
    {
        var app = new App();
        app.Add(new ConfigMap().Name("report-config").Namespace("reports").Data("report.yaml", "format: csv\n"));
        app.Add(NightlyReport());
        app.Add(new NetworkPolicy().Name("nightly-report").Namespace("reports").Spec(new NetworkPolicySpec()
            .PodSelector(new MetaV1.LabelSelector().MatchLabels("app", "nightly-report"))
            .PolicyTypes("Ingress", "Egress")
            .Egress(new NetworkPolicyEgressRule()
                .To(new NetworkPolicyPeer().IpBlock(new IPBlock().Cidr("10.20.0.0/16")))
                .Ports(new NetworkPolicyPort().Protocol("TCP").Port(5432)))));

        var result = app.Synth();

        Assert.Equal("", string.Join("\n", result.Report.Active.Select(f => f.ToString())));
        Assert.True(result.Accepted);
        Assert.Equal(
            """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: report-config
              namespace: reports
            data:
              report.yaml: |
                format: csv
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly-report
              namespace: reports
            spec:
              concurrencyPolicy: Forbid
              jobTemplate:
                spec:
                  backoffLimit: 2
                  template:
                    metadata:
                      labels:
                        app: nightly-report
                    spec:
                      containers:
                        - name: report
                          args:
                            - --config
                            - /etc/report/report.yaml
                          image: registry.example.com/report:1.4.2
                          resources:
                            limits:
                              memory: 256Mi
                            requests:
                              cpu: 100m
                              memory: 128Mi
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            runAsNonRoot: true
                          volumeMounts:
                            - name: config
                              mountPath: /etc/report
                              readOnly: true
                      restartPolicy: OnFailure
                      volumes:
                        - name: config
                          configMap:
                            name: report-config
                            defaultMode: 292
              schedule: 0 3 * * *
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: nightly-report
              namespace: reports
            spec:
              egress:
                - ports:
                    - port: 5432
                      protocol: TCP
                  to:
                    - ipBlock:
                        cidr: 10.20.0.0/16
              podSelector:
                matchLabels:
                  app: nightly-report
              policyTypes:
                - Ingress
                - Egress

            """,
            result.Yaml);
    }

    [Fact]
    public void A_field_set_again_is_replaced_and_null_unsets_it()
    {
        var container = new CoreV1.Container().Name("app").Image("nginx:1.27").Image("nginx:1.28").WorkingDir("/srv").WorkingDir(null!);

        var yaml = YamlOf(new CoreV1.Pod().Name("web").Spec(new CoreV1.PodSpec().Containers(container)));

        Assert.Contains("    - name: app\n      image: nginx:1.28\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("workingDir", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_built_further_after_it_was_passed_is_written_as_it_ends_up()
    {
        var container = new CoreV1.Container().Name("app");
        var pod = new CoreV1.Pod().Name("web").Spec(new CoreV1.PodSpec().Containers(container));

        container.Image("nginx:1.27");

        Assert.Contains("image: nginx:1.27", YamlOf(pod), StringComparison.Ordinal);
    }

    private static CronJob NightlyReport() => new CronJob().Name("nightly-report").Namespace("reports").Spec(new CronJobSpec()
        .Schedule("0 3 * * *")
        .ConcurrencyPolicy("Forbid")
        .JobTemplate(new JobTemplateSpec().Spec(new JobSpec()
            .BackoffLimit(2)
            .Template(new CoreV1.PodTemplateSpec()
                .Metadata(new MetaV1.ObjectMeta().Labels("app", "nightly-report"))
                .Spec(new CoreV1.PodSpec()
                    .RestartPolicy("OnFailure")
                    .Containers(new CoreV1.Container()
                        .Name("report")
                        .Image("registry.example.com/report:1.4.2")
                        .Args("--config", "/etc/report/report.yaml")
                        .Resources(new CoreV1.ResourceRequirements().Requests("cpu", "100m").Requests("memory", "128Mi").Limits("memory", "256Mi"))
                        .SecurityContext(new CoreV1.SecurityContext().RunAsNonRoot(true).AllowPrivilegeEscalation(false).ReadOnlyRootFilesystem(true))
                        .VolumeMounts(new CoreV1.VolumeMount().Name("config").MountPath("/etc/report").ReadOnly(true)))
                    .Volumes(new CoreV1.Volume().Name("config").ConfigMap(new CoreV1.ConfigMapVolumeSource().Name("report-config").DefaultMode(0b100_100_100))))))));

    private static string YamlOf(Resource resource)
    {
        var app = new App();
        app.Add(resource);
        return app.ToYaml();
    }
}
