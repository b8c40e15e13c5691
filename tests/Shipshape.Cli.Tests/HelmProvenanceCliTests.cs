using System.Text.Json;

namespace Shipshape.Cli.Tests;

/// <summary>A finding in a <c>helm template</c> stream names its chart template in text, JSON and SARIF.</summary>
public sealed class HelmProvenanceCliTests
{
    /// <summary>helm template's output for a chart whose Service targets a port its Deployment does not declare.</summary>
    public const string RenderedChart = """
        ---
        # Source: mychart/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  ports:
                    - containerPort: 8080
        ---
        # Source: mychart/templates/svc.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: { app: web }
          ports:
            - port: 80
              targetPort: 9090

        """;

    [Fact]
    public void Text_names_the_template_after_the_finding()
    {
        var result = CliRunner.RunWithInput(RenderedChart, "lint", "--no-source", "-");

        var finding = Assert.Single(result.Stdout.Split('\n'), l => l.Contains(" SHIP2003 ", StringComparison.Ordinal));
        Assert.StartsWith("<stdin>:29:19: error SHIP2003 ", finding, StringComparison.Ordinal);
        Assert.EndsWith(" [Service/web] from mychart/templates/svc.yaml", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_carries_the_template_only_where_there_is_one()
    {
        using var files = new TempFiles();
        var path = files.Write("rendered.yaml", RenderedChart + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n");

        var diagnostics = CliRunner.Run("lint", "--format", "json", path).Json.GetProperty("diagnostics").EnumerateArray().ToArray();

        Assert.Equal(
            ["SHIP2003@29:19 mychart/templates/svc.yaml", "SHIP4013@34:9 -"],
            diagnostics.Select(d => $"{d.GetProperty("id").GetString()}@{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()} " +
                                    (d.TryGetProperty("template", out var template) ? template.GetString() : "-")));
    }

    [Fact]
    public void Sarif_gives_the_template_as_a_related_location()
    {
        var result = CliRunner.RunWithInput(RenderedChart, "lint", "--format", "sarif", "-");

        using var sarif = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "SHIP2003");
        var related = Assert.Single(finding.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal("mychart/templates/svc.yaml", related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("Rendered from the Helm template mychart/templates/svc.yaml", related.GetProperty("message").GetProperty("text").GetString());
    }
}
