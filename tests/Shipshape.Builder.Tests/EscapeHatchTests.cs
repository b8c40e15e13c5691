using Shipshape.Core.Analysis;

namespace Shipshape.Builder.Tests;

/// <summary>The escape hatch: <see cref="RawResource"/> for kinds the builder has no class for, <c>.Set(path, value)</c> for fields it has no method for.</summary>
public sealed class EscapeHatchTests
{
    [Fact]
    public void A_raw_resource_is_written_as_given_and_linted_like_a_typed_one()
    {
        var app = new App();
        app.Add(RawResource.FromYaml("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              generateName: db-
            spec:
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                    - {name: a, image: "a:1", ports: [{containerPort: 80}]}
                    - {name: b, image: "b:1", ports: [{containerPort: 80}]}
            """)).Label("team", "data");

        var result = app.Synth();

        Assert.Equal("""
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              labels:
                team: data
              generateName: db-
            spec:
              serviceName: db
              selector:
                matchLabels:
                  app: db
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                    - name: a
                      image: a:1
                      ports:
                        - containerPort: 80
                    - name: b
                      image: b:1
                      ports:
                        - containerPort: 80

            """, result.Yaml);
        Assert.False(result.Accepted);
        var finding = Assert.Single(result.Report.Active, d => d.Severity == Severity.Error);
        Assert.Equal((RuleIds.ContainerPortCollision, SynthOptions.InMemoryPath, 27, 30), (finding.Id, finding.FilePath, finding.Span.Line, finding.Span.Column));
    }

    [Fact]
    public void Set_adds_a_field_the_builder_lacks_and_replaces_one_it_writes()
    {
        var app = new App();
        app.Add(new Deployment().Name("web").Replicas(2).TemplateLabel("app", "web")
            .Set("spec.minReadySeconds", 10)
            .Set("spec.replicas", 3)
            .Set("spec.template.metadata.creationTimestamp", FieldValue.Null)
            .Container(new Container().Name("web").Image("web:1.0")
                .Set("lifecycle.preStop.exec.command", FieldValue.FromYaml("[sleep, '5']"))
                .Set("tty", true)));

        Assert.Equal("""
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                  creationTimestamp: null
                spec:
                  containers:
                    - name: web
                      image: web:1.0
                      lifecycle:
                        preStop:
                          exec:
                            command:
                              - sleep
                              - "5"
                      tty: true
              minReadySeconds: 10

            """, app.ToYaml());
    }

    [Fact]
    public void A_value_set_on_two_objects_is_not_changed_by_paths_below_it()
    {
        var affinity = FieldValue.FromYaml("nodeAffinity: {}");
        var first = new RawResource("v1", "Pod").Name("a").Set("spec.affinity", affinity).Set("spec.affinity.podAffinity", FieldValue.FromYaml("{}"));
        var second = new RawResource("v1", "Pod").Name("b").Set("spec.affinity", affinity);
        var app = new App();
        app.Add(first);
        app.Add(second);

        Assert.Contains("name: b\nspec:\n  affinity:\n    nodeAffinity: {}\n", app.ToYaml(), StringComparison.Ordinal);
        Assert.Contains("name: a\nspec:\n  affinity:\n    nodeAffinity: {}\n    podAffinity: {}\n", app.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_escape_hatch_cannot_write_is_refused_with_a_reason()
    {
        var path = Assert.Throws<ArgumentException>(() => new Deployment().Set("spec..replicas", 1));
        Assert.StartsWith("The field path 'spec..replicas' has an empty segment; write field names separated by single dots", path.Message, StringComparison.Ordinal);

        var twoValues = Assert.Throws<ArgumentException>(() => FieldValue.FromYaml("a: 1\n---\nb: 2\n"));
        Assert.StartsWith("A field value is one YAML value, but this text holds 2 documents.", twoValues.Message, StringComparison.Ordinal);

        var noKind = Assert.Throws<ArgumentException>(() => RawResource.FromYaml("apiVersion: v1\nmetadata: {name: x}\n"));
        Assert.Equal("A raw resource needs kind as a string, such as the one in `kubectl api-resources`.", noKind.Message);

        var broken = Assert.Throws<ArgumentException>(() => RawResource.FromYaml("apiVersion: v1\nkind: [\n"));
        Assert.StartsWith("The YAML of a raw resource cannot be read at line 3, column 1: ", broken.Message, StringComparison.Ordinal);
    }
}
