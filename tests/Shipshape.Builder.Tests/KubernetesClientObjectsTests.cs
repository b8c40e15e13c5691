using k8s.Models;
using Shipshape.Core.Analysis;

namespace Shipshape.Builder.Tests;

/// <summary>Objects built with KubernetesClient's models are added to an App and linted like the builder's own.</summary>
public sealed class KubernetesClientObjectsTests
{
    [Fact]
    public void A_client_model_is_written_as_the_client_writes_it_and_linted_with_the_builder_objects()
    {
        var app = new App();
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container { Name = "a", Image = "a:1", Ports = [new V1ContainerPort { ContainerPort = 80 }] },
                            new V1Container { Name = "b", Image = "b:1", Ports = [new V1ContainerPort { ContainerPort = 80 }] },
                        ],
                    },
                },
            },
        };

        var added = app.Add(deployment);
        app.Add(new Service().Name("web").Selector("app", "web").Port(80));
        var result = app.Synth();

        Assert.Equal(("apps/v1", "Deployment", "web"), (added.ApiVersion, added.Kind, added.ObjectName));
        Assert.StartsWith("""
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
            spec:
              replicas: 2
            """, result.Yaml, StringComparison.Ordinal);
        var finding = Assert.Single(result.Report.Active, d => d.Severity == Severity.Error);
        Assert.Equal(RuleIds.ContainerPortCollision, finding.Id);
        var secondPortLine = Array.FindLastIndex(result.Yaml.Split('\n'), line => line.EndsWith("containerPort: 80", StringComparison.Ordinal)) + 1;
        Assert.Equal((SynthOptions.InMemoryPath, secondPortLine), (finding.FilePath, finding.Span.Line));
    }
}
