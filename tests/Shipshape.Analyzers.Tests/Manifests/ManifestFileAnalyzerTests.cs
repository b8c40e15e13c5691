using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Shipshape.Core.Rules;

namespace Shipshape.Analyzers.Tests.Manifests;

/// <summary>Kubernetes manifests given to a C# project as AdditionalFiles are linted by the engine, with its IDs and positions.</summary>
public sealed class ManifestFileAnalyzerTests
{
    /// <summary>Turns off the hardening rules every bare container trips, so each test expects only what it is about.</summary>
    private const string QuietConfiguration = """
        rules:
          SHIP3002: off
          SHIP3008: off
          SHIP3009: off
          SHIP4003: off
          SHIP4004: off
          SHIP4005: off
          SHIP4006: off
        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: echo
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: echo
          template:
            metadata:
              labels:
                app: echo
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
              containers:
                - name: nginx
                  image: nginx:1.27
                  ports:
                    - containerPort: 80
                - name: echo
                  image: gihyodocker/echo:1.0
                  ports:
                    - containerPort: 80
        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: echo
          namespace: shop
        spec:
          selector:
            app: echo
          ports:
            - name: http
              port: 80
              targetPort: 80
        """;

    [Fact]
    public Task A_port_collision_is_reported_at_the_second_port() => Run(
        [("k8s/deploy.yaml", Deployment)],
        DiagnosticResult.CompilerError("SHIP2005").WithSpan("k8s/deploy.yaml", 27, 30, 27, 32)
            .WithMessage("Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 23; containers of a pod share one network namespace, so only one of them can bind it: use a different port"));

    [Fact]
    public Task A_service_whose_pods_are_declared_in_another_file_selects_them() => Run(
        [("k8s/service.yaml", Service), ("k8s/deploy.yml", Deployment.Replace("containerPort: 80\n", "containerPort: 8080\n", StringComparison.Ordinal))],
        // The containers now listen on 80 and 8080: no collision, and the Service's targetPort 80 is declared.
        []);

    [Fact]
    public Task A_service_alone_selects_nothing() => Run(
        [("k8s/service.yaml", Service)],
        DiagnosticResult.CompilerWarning("SHIP2002").WithSpan("k8s/service.yaml", 7, 3, 7, 11));

    [Fact]
    public Task A_file_that_is_not_yaml_is_reported_at_the_syntax_error() => Run(
        [("k8s/broken.yaml", "apiVersion: v1\nkind: [Pod\n")],
        DiagnosticResult.CompilerError("SHIP0001").WithSpan("k8s/broken.yaml", 2, 7, 2, 8));

    [Fact]
    public Task Additional_files_that_are_not_yaml_are_ignored() => Run(
        [("k8s/notes.txt", "apiVersion: v1\nkind: [Pod\n"), ("k8s/deploy.json", "{")],
        []);

    [Fact]
    public Task A_global_severity_setting_applies_to_manifest_findings() => Run(
        [("k8s/deploy.yaml", Deployment)],
        "is_global = true\ndotnet_diagnostic.SHIP2005.severity = warning\n",
        DiagnosticResult.CompilerWarning("SHIP2005").WithSpan("k8s/deploy.yaml", 27, 30, 27, 32)
            .WithMessage("Port 80/TCP of container 'echo' is already declared by container 'nginx' on line 23; containers of a pod share one network namespace, so only one of them can bind it: use a different port"));

    [Fact]
    public Task A_rule_turned_off_by_a_global_setting_is_not_reported() => Run(
        [("k8s/deploy.yaml", Deployment)],
        "is_global = true\ndotnet_diagnostic.SHIP2005.severity = none\n");

    [Fact]
    public void Every_engine_rule_has_a_descriptor_with_its_doc_link()
    {
        var descriptors = new ManifestFileAnalyzer().SupportedDiagnostics;
        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), descriptors.Select(d => d.Id));
        Assert.All(descriptors, d => Assert.Equal($"https://github.com/shipshape-io/shipshape/blob/main/rules/{d.Id}.md", d.HelpLinkUri));
    }

    [Fact]
    public void Ids_shared_with_builder_analyzers_have_the_same_category()
    {
        var manifest = new ManifestFileAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);
        Assert.All(AnalyzerIds.Descriptors.Where(d => manifest.ContainsKey(d.Id)), builder => Assert.Equal(builder.Category, manifest[builder.Id].Category));
    }

    private static Task Run((string Path, string Text)[] manifests, params DiagnosticResult[] expected) =>
        Run(manifests, globalConfig: null, expected);

    private static Task Run((string Path, string Text)[] manifests, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ManifestFileAnalyzer, DefaultVerifier> { TestCode = "internal static class Manifests { }" };
        LocalReferences.Apply(test.TestState);
        test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
        test.TestState.AdditionalFiles.Add((".shipshape.yaml", QuietConfiguration));

        // The testing library turns on every rule that is off by default, which the compiler options then pass to the
        // engine as enabled; the rules the recommended preset leaves off are turned off again here.
        test.DisabledDiagnostics.AddRange(RuleCatalog.Descriptors.Where(d => !d.IsEnabledByDefault).Select(d => d.Id));
        test.TestState.AdditionalFiles.AddRange(manifests.Select(m => (m.Path, Microsoft.CodeAnalysis.Text.SourceText.From(m.Text))));
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
