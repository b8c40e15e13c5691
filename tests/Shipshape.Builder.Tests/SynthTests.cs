using Echo;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Tests;

public sealed class SynthTests
{
    [Fact]
    public void The_echo_sample_is_written_in_kubectl_key_order()
    {
        const string expected = """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: echo
              labels:
                app: echo
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: echo
              template:
                metadata:
                  labels:
                    app: echo
                spec:
                  securityContext:
                    runAsGroup: 10001
                    runAsNonRoot: true
                    runAsUser: 10001
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: nginx
                      image: gihyodocker/nginx-proxy:1.0.0
                      env:
                        - name: BACKEND_HOST
                          value: localhost:8080
                      ports:
                        - name: http
                          containerPort: 80
                      resources:
                        limits:
                          memory: 128Mi
                        requests:
                          cpu: 100m
                          memory: 64Mi
                      volumeMounts:
                        - name: nginx-cache
                          mountPath: /var/cache/nginx
                        - name: nginx-run
                          mountPath: /var/run
                        - name: tmp
                          mountPath: /tmp
                      livenessProbe:
                        tcpSocket:
                          port: http
                        periodSeconds: 10
                      readinessProbe:
                        httpGet:
                          path: /
                          port: http
                        periodSeconds: 5
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                            - ALL
                        readOnlyRootFilesystem: true
                    - name: echo
                      image: gihyodocker/echo:1.0.0
                      ports:
                        - containerPort: 8080
                      resources:
                        limits:
                          memory: 64Mi
                        requests:
                          cpu: 100m
                          memory: 32Mi
                      livenessProbe:
                        tcpSocket:
                          port: 8080
                        periodSeconds: 10
                      readinessProbe:
                        httpGet:
                          path: /
                          port: 8080
                        periodSeconds: 5
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                            - ALL
                        readOnlyRootFilesystem: true
                  volumes:
                    - name: nginx-cache
                      emptyDir: {}
                    - name: nginx-run
                      emptyDir: {}
                    - name: tmp
                      emptyDir: {}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: echo
            spec:
              selector:
                app: echo
              ports:
                - name: http
                  port: 80
                  targetPort: 80
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: echo
            spec:
              rules:
                - host: ch05.gihyo.local
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: echo
                            port:
                              number: 80

            """;
        Assert.Equal(expected, EchoApplication.Build().ToYaml());
    }

    [Fact]
    public void The_echo_sample_lints_fully_clean_and_is_the_same_bytes_every_time()
    {
        var first = EchoApplication.Build().Synth();
        Assert.True(first.Accepted);

        // Clean as `shipshape lint` judges it with default settings: no finding of any severity.
        Assert.Empty(first.Report.Active.Select(d => $"{d.Id} {d.FilePath}:{d.Span.Line}:{d.Span.Column}"));
        Assert.Equal(3, first.Report.Summary.Resources);
        Assert.Equal(first.Yaml, EchoApplication.Build().Synth().Yaml);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("0755")]
    [InlineData("0x1F")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("-12")]
    [InlineData(".inf")]
    [InlineData("2026-11-25")]
    [InlineData("a: b")]
    [InlineData("#comment")]
    [InlineData(" padded ")]
    [InlineData("line one\nline two\n")]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    [InlineData("next\u0085line")]
    [InlineData("tab\tinside")]
    [InlineData("\ufeffbyte order mark")]
    [InlineData("bell\u0007")]
    [InlineData("carriage\rreturn")]
    [InlineData("multi\nline\u2028mixed\n")]
    public void Strings_read_back_as_the_same_strings(string value)
    {
        var app = new App();
        app.Add(new ConfigMap().Name("settings").Data("value", value));
        var document = Assert.Single(new YamlLoader().Load(new SourceFile("test.yaml", app.ToYaml())).Documents);
        var scalar = ((MappingNode)document.Root).Mapping("data")!.Scalar("value")!;
        Assert.Equal(ScalarKind.String, scalar.Kind);
        Assert.Equal(value, scalar.Value);
    }

    [Fact]
    public void Plain_strings_stay_unquoted()
    {
        var app = new App();
        app.Add(new ConfigMap().Name("settings").Data("cpu", "500m").Data("image", "nginx:1.27").Data("host", "localhost:8080"));
        Assert.Contains("  cpu: 500m\n  image: nginx:1.27\n  host: localhost:8080\n", app.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_selector_defaults_to_the_template_labels_and_an_explicit_one_is_kept()
    {
        var defaulted = new Deployment().Name("web").TemplateLabel("app", "web").TemplateLabel("tier", "front");
        Assert.Equal([new("app", "web"), new("tier", "front")], defaulted.PodSelector);
        var explicitSelector = new Deployment().Name("web").TemplateLabel("app", "web").TemplateLabel("tier", "front").Selector("app", "web");
        Assert.Equal([new KeyValuePair<string, string>("app", "web")], explicitSelector.PodSelector);
    }

    [Fact]
    public void ExposeViaService_selects_the_pods_and_targets_their_ports_by_name_when_named()
    {
        var deployment = new Deployment().Name("api").TemplateLabel("app", "api")
            .Container(new Container().Name("api").Image("api:2.1").Port(8080, "http").Port(9090, "metrics"));
        var service = deployment.ExposeViaService(ServiceType.NodePort);
        var app = new App();
        app.Add(deployment);
        app.Add(service);
        var yaml = app.ToYaml();
        Assert.Contains("""
            spec:
              type: NodePort
              selector:
                app: api
              ports:
                - name: http
                  port: 8080
                  targetPort: http
                - name: metrics
                  port: 9090
                  targetPort: metrics

            """, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Synth().Report.Active, d => d.Severity == Severity.Error || d.Id.StartsWith("SHIP2", StringComparison.Ordinal));
    }

    [Fact]
    public void ExposeViaService_refuses_a_port_no_container_declares()
    {
        var deployment = new Deployment().Name("api").TemplateLabel("app", "api").Container(new Container().Name("api").Image("api:2.1").Port(8080));
        var exception = Assert.Throws<ArgumentException>(() => deployment.ExposeViaService(containerPort: 8081));
        Assert.StartsWith("No container of Deployment 'api' declares port 8081", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_refuses_to_write_when_the_engine_finds_errors()
    {
        var output = Path.Combine(Path.GetTempPath(), "shipshape-builder-" + Guid.NewGuid().ToString("N"), "out.yaml");
        var app = new App();
        app.Add(new Pod().Name("clash")
            .Container(new Container().Name("a").Image("a:1").Port(80))
            .Container(new Container().Name("b").Image("b:1").Port(80)));

        var refused = app.Synth(new SynthOptions { OutputFile = output });
        Assert.False(refused.Accepted);
        Assert.Empty(refused.WrittenFiles);
        Assert.False(File.Exists(output));
        var finding = Assert.Single(refused.Report.Active, d => d.Severity == Severity.Error);
        Assert.Equal((RuleIds.ContainerPortCollision, output, 15, 26), (finding.Id, finding.FilePath, finding.Span.Line, finding.Span.Column));

        var forced = app.Synth(new SynthOptions { OutputFile = output, AllowErrors = true });
        Assert.True(forced.Accepted);
        Assert.Equal([output], forced.WrittenFiles);
        Assert.Equal(forced.Yaml, File.ReadAllText(output));
        Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
    }

    [Fact]
    public void Synth_writes_one_file_per_object_and_lints_each_under_its_own_name()
    {
        var directory = Path.Combine(Path.GetTempPath(), "shipshape-builder-" + Guid.NewGuid().ToString("N"));
        var result = EchoApplication.Build().Synth(new SynthOptions { OutputDirectory = directory });
        string[] names = ["deployment-echo.yaml", "service-echo.yaml", "ingress-echo.yaml"];
        Assert.Equal(names.Select(n => Path.Combine(directory, n)), result.WrittenFiles);
        Assert.StartsWith("---\napiVersion: v1\nkind: Service\n", File.ReadAllText(Path.Combine(directory, "service-echo.yaml")), StringComparison.Ordinal);
        Assert.Equal(3, result.Report.Summary.Files);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Production_settings_are_written_where_kubernetes_expects_them()
    {
        var app = new App();
        app.Add(new Deployment().Name("api").Namespace("shop").TemplateLabel("app", "api")
            .ServiceAccount("api")
            .SecurityContext(new PodSecurityContext().RunAsNonRoot().FsGroup(2000).SeccompProfile("RuntimeDefault"))
            .Volume(Volume.FromConfigMap("config", "api-config", defaultMode: 420))
            .Volume(Volume.FromSecret("tls", "api-tls"))
            .Volume(Volume.EmptyDir("cache"))
            .Container(new Container().Name("api").Image("api:2.1")
                .Port(8080, "http")
                .EnvFromConfigMap("LOG_LEVEL", "api-config", "log-level")
                .EnvFromSecret("DB_PASSWORD", "api-db", "password")
                .Requests(cpu: "250m", memory: "128Mi")
                .Limits(memory: "256Mi")
                .LivenessProbe(Probe.HttpGet("/healthz", "http").PeriodSeconds(10))
                .ReadinessProbe(Probe.TcpSocket(8080))
                .SecurityContext(new SecurityContext().AllowPrivilegeEscalation(false).ReadOnlyRootFilesystem().DropCapabilities("ALL"))
                .VolumeMount("config", "/etc/api", readOnly: true)));
        Assert.Equal("""
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: api
              template:
                metadata:
                  labels:
                    app: api
                spec:
                  serviceAccountName: api
                  securityContext:
                    fsGroup: 2000
                    runAsNonRoot: true
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: api
                      image: api:2.1
                      env:
                        - name: LOG_LEVEL
                          valueFrom:
                            configMapKeyRef:
                              name: api-config
                              key: log-level
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: api-db
                              key: password
                      ports:
                        - name: http
                          containerPort: 8080
                      resources:
                        limits:
                          memory: 256Mi
                        requests:
                          cpu: 250m
                          memory: 128Mi
                      volumeMounts:
                        - name: config
                          mountPath: /etc/api
                          readOnly: true
                      livenessProbe:
                        httpGet:
                          path: /healthz
                          port: http
                        periodSeconds: 10
                      readinessProbe:
                        tcpSocket:
                          port: 8080
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                            - ALL
                        readOnlyRootFilesystem: true
                  volumes:
                    - name: config
                      configMap:
                        name: api-config
                        defaultMode: 420
                    - name: tls
                      secret:
                        secretName: api-tls
                    - name: cache
                      emptyDir: {}

            """, app.ToYaml());
    }
}
