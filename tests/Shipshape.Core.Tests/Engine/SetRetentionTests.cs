using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Tests.Engine;

/// <summary>
/// What a run keeps of each object for the whole-set rules (KubeObject.ReducedForSetRules): enough for those rules
/// to give the findings they give on whole objects, at the same positions, and little else.
/// </summary>
public sealed class SetRetentionTests : IDisposable
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              initContainers:
                - name: proxy
                  image: envoy:1.30
                  restartPolicy: Always
                  ports:
                    - {name: admin, containerPort: 9901}
              containers:
                - name: app
                  image: nginx:1.27
                  env:
                    - {name: MODE, value: fast}
                  ports:
                    - {name: http, containerPort: 8080}
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("shipshape-retention-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_workload_keeps_its_labels_selector_replicas_and_container_ports_at_their_positions_and_nothing_else()
    {
        var original = (Workload)Read(Deployment);

        var reduced = (Workload)original.ReducedForSetRules();

        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], reduced.Node.Entries.Select(e => e.KeyText));
        Assert.Equal(["replicas", "selector", "template"], reduced.Spec!.Entries.Select(e => e.KeyText));
        Assert.Equal(original.ReplicasNode!.Span, reduced.ReplicasNode!.Span);
        Assert.Equal("web", reduced.Selector!.MatchLabels.Entries.Single().Value);
        Assert.Equal("web", reduced.PodTemplate!.Labels.Entries.Single().Value);
        Assert.Equal(original.PodTemplate!.Node!.Span, reduced.PodTemplate.Node!.Span);
        var containers = reduced.PodTemplate.Spec!.AllContainers;
        Assert.Equal(["proxy", "app"], containers.Select(c => c.Name));
        Assert.Equal(["name", "restartPolicy", "ports"], containers[0].Node.Entries.Select(e => e.KeyText));
        Assert.Equal(["name", "env", "ports"], containers[1].Node.Entries.Select(e => e.KeyText));
        Assert.Equal(["name"], containers[1].Env.Single().Entries.Select(e => e.KeyText));
        Assert.True(containers[0].RunsForPodLifetime);
        Assert.Equal([9901, 8080], containers.SelectMany(c => c.Ports).Select(p => p.Number));
        Assert.Equal(original.PodTemplate.Spec!.Containers[0].Ports[0].Node.Span, containers[1].Ports[0].Node.Span);
    }

    [Fact]
    public void A_workload_keeps_the_fields_that_name_other_objects_and_the_statefulset_fields_the_set_rules_read()
    {
        var original = (Workload)Read("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  serviceAccountName: db
                  imagePullSecrets: [{name: registry}]
                  containers:
                    - name: postgres
                      image: postgres:16
                      args: [--verbose]
                      env:
                        - {name: MODE, value: fast}
                        - name: PASSWORD
                          valueFrom:
                            secretKeyRef: {name: db, key: password}
                      envFrom:
                        - configMapRef: {name: tuning, optional: true}
                  volumes:
                    - name: config
                      configMap: {name: db-config}
              volumeClaimTemplates:
                - metadata: {name: data}
                  spec:
                    accessModes: [ReadWriteOnce]
            """);

        var reduced = (Workload)original.ReducedForSetRules();

        Assert.Equal(["serviceName", "selector", "template", "volumeClaimTemplates"], reduced.Spec!.Entries.Select(e => e.KeyText));
        Assert.Equal("db", reduced.ServiceNameNode!.Value);
        Assert.Equal(["data"], reduced.ClaimTemplateNames);
        Assert.Equal(["metadata"], reduced.Spec.Sequence("volumeClaimTemplates")!.Items.OfType<MappingNode>().Single().Entries.Select(e => e.KeyText));
        Assert.Equal(["serviceAccountName", "imagePullSecrets", "containers", "volumes"], reduced.PodTemplate!.Spec!.Node.Entries.Select(e => e.KeyText));
        Assert.Equal(["name", "env", "envFrom"], reduced.PodTemplate.Spec.Containers[0].Node.Entries.Select(e => e.KeyText));
        Assert.Equal(
            PodReferences.Read(original.PodTemplate!.Spec!).Select(r => (r.Kind, r.Name, r.Optional, r.Source, r.NameNode.Span)),
            PodReferences.Read(reduced.PodTemplate.Spec).Select(r => (r.Kind, r.Name, r.Optional, r.Source, r.NameNode.Span)));
        Assert.Equal(
            [("ServiceAccount", "db"), ("Secret", "registry"), ("ConfigMap", "db-config"), ("Secret", "db"), ("ConfigMap", "tuning")],
            PodReferences.Read(reduced.PodTemplate.Spec).Select(r => (r.Kind, r.Name)));
    }

    [Theory]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler", "scaleTargetRef", "{kind: Deployment, name: web}", "scaleTargetRef other")]
    [InlineData("policy/v1", "PodDisruptionBudget", "selector", "{matchLabels: {app: web}}", "selector other")]
    [InlineData("networking.k8s.io/v1", "NetworkPolicy", "podSelector", "{matchLabels: {app: web}}", "podSelector")]
    [InlineData("networking.k8s.io/v1", "NetworkPolicy", "egress", "[{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]", "egress")]
    public void Kinds_whose_references_the_set_rules_check_keep_them(string apiVersion, string kind, string field, string value, string kept)
    {
        var original = Read($$"""
            apiVersion: {{apiVersion}}
            kind: {{kind}}
            metadata: {name: web}
            spec:
              {{field}}: {{value}}
              other: dropped
            """);

        var reduced = original.ReducedForSetRules();

        // Autoscalers and budgets are small and the availability rules read their whole spec; policies keep their selectors.
        Assert.Equal(kept.Split(' '), reduced.Spec!.Entries.Select(e => e.KeyText));
        Assert.Equal(original.Spec![field]!.Span, reduced.Spec[field]!.Span);
    }

    [Fact]
    public void An_object_without_a_model_keeps_only_its_identity()
    {
        var original = Read("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations: {shipshape.io/ignore: SHIP2007}
            data:
              big: "imagine a megabyte here"
            """);

        var reduced = original.ReducedForSetRules();

        Assert.Equal(["apiVersion", "kind", "metadata"], reduced.Node.Entries.Select(e => e.KeyText));
        Assert.Equal(original.Identity, reduced.Identity);
        Assert.Equal(original.Metadata.NameNode!.Span, reduced.Metadata.NameNode!.Span);
        Assert.Equal("SHIP2007", reduced.Metadata.Annotations["shipshape.io/ignore"]);
    }

    [Fact]
    public void Services_and_ingresses_are_kept_whole()
    {
        var service = Read("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: http}]
            """);

        Assert.Same(service, service.ReducedForSetRules());
    }

    [Fact]
    public void Cross_file_rules_find_the_same_ports_on_reduced_objects_of_files_on_disk()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "deployment.yaml"), Deployment);
        File.WriteAllText(Path.Combine(_directory.FullName, "service.yaml"), """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports:
                - {name: http, port: 80, targetPort: http}
                - {name: admin, port: 9901, targetPort: admin}
                - {name: metrics, port: 9090, targetPort: metrics}
            """);

        var report = Lint.Files([_directory.FullName]);

        // http is declared by the app container, admin by the sidecar init container; metrics by nobody.
        var finding = Assert.Single(report.Active, d => d.Id == RuleIds.ServiceTargetPortNotExposed);
        Assert.Equal(Path.Combine(_directory.FullName, "service.yaml"), finding.FilePath);
        Assert.Equal((9, 47), (finding.Span.Line, finding.Span.Column));
    }

    [Fact]
    public void Cross_file_rules_find_the_same_references_on_reduced_objects_of_files_on_disk()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "deployment.yaml"), Deployment.Replace(
            "          env:\n",
            "          envFrom:\n            - configMapRef: {name: web-settings}\n          env:\n",
            StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_directory.FullName, "configmap.yaml"), """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {mode: fast}
            """);

        var report = Lint.Files([_directory.FullName]);

        var finding = Assert.Single(report.Active, d => d.Id == RuleIds.PodReferenceNotFound);
        Assert.Equal(Path.Combine(_directory.FullName, "deployment.yaml"), finding.FilePath);
        Assert.Equal((24, 36), (finding.Span.Line, finding.Span.Column));
    }

    private static KubeObject Read(string yaml)
    {
        var loaded = new YamlLoader().Load(new SourceFile("test.yaml", yaml));
        var objects = new List<KubeObject>();
        ObjectReader.Read(Assert.Single(loaded.Documents), objects, []);
        return Assert.Single(objects);
    }
}
