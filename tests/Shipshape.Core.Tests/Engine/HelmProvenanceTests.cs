using Shipshape.Core.Loading;
using Shipshape.Core.Provenance;

namespace Shipshape.Core.Tests.Engine;

/// <summary>Findings in a <c>helm template</c> stream name the chart template of their document.</summary>
public sealed class HelmProvenanceTests
{
    /// <summary>As helm template writes it: a marker, then the template's path, before every document.</summary>
    private const string Rendered = """
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
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: extra
        spec:
          selector: { app: web }
          ports:
            - port: 80
              targetPort: 9191

        """;

    [Fact]
    public void A_finding_names_the_template_of_its_document_and_none_outside_a_template()
    {
        var report = Lint.Text(Rendered);

        var findings = report.Active.Where(d => d.Id == "SHIP2003").Select(d => $"{d.Span.Line}:{d.Span.Column} {d.Template ?? "-"}");
        Assert.Equal(["29:19 mychart/templates/svc.yaml", "39:19 -"], findings);
    }

    [Fact]
    public void Suppression_comments_still_work_in_a_rendered_stream()
    {
        var suppressed = Rendered.Replace("      targetPort: 9090", "      # shipshape-disable-next-line SHIP2003 -- port set by the sidecar\n      targetPort: 9090", StringComparison.Ordinal);

        var report = Lint.Text(suppressed);

        var finding = Assert.Single(report.Diagnostics, d => d.Id == "SHIP2003" && d.IsSuppressed);
        Assert.Equal(("mychart/templates/svc.yaml", 30), (finding.Template, finding.Span.Line));
        Assert.Equal(["SHIP2003@40:19"], report.Findings("SHIP2003"));
    }

    [Fact]
    public void Comments_count_only_at_the_start_of_a_line_and_end_at_the_next_document()
    {
        var sources = HelmTemplateSources.Read(new SourceFile("s.yaml", "a: 1\n  # Source: not/this.yaml\n# Source: t/a.yaml\r\nb: 2\n--- \nc: 3\n# Source:   t/b.yaml  \n"))!;

        Assert.Equal([null, null, "t/a.yaml", "t/a.yaml", null, null, "t/b.yaml", "t/b.yaml"], Enumerable.Range(1, 8).Select(sources.TemplateAt));
    }

    [Fact]
    public void A_file_without_source_comments_has_no_template_map() =>
        Assert.Null(HelmTemplateSources.Read(new SourceFile("s.yaml", "apiVersion: v1\nkind: Pod\n# Sources: elsewhere\n")));
}
