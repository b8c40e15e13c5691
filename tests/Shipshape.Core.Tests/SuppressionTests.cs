using Shipshape.Core.Analysis;

namespace Shipshape.Core.Tests;

/// <summary>The shipshape.io/ignore annotation and the shipshape-disable comments, with exact lines.</summary>
public sealed class SuppressionTests
{
    private const string TwoContainersOnPort80 = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: simple-echo
        spec:
          containers:
            - name: nginx
              image: nginx:1.27
              ports:
                - containerPort: 80
            - name: echo
              image: gihyodocker/echo:1.0
              ports:
                # shipshape-disable-next-line SHIP2005 -- echo only binds 80 in the test image
                - containerPort: 80
        """;

    [Fact]
    public void Disable_next_line_suppresses_the_finding_on_the_next_line_and_counts_it()
    {
        var report = Lint.Text(TwoContainersOnPort80);

        Assert.Empty(report.Findings(RuleIds.ContainerPortCollision));
        var suppressed = Assert.Single(report.Diagnostics, d => d.IsSuppressed);
        Assert.Equal((RuleIds.ContainerPortCollision, 15, 26), (suppressed.Id, suppressed.Span.Line, suppressed.Span.Column));
        Assert.Equal("echo only binds 80 in the test image", suppressed.Suppression);
        Assert.Equal(1, report.Summary.Suppressed);
        Assert.Equal(0, report.Summary.Errors);
    }

    [Fact]
    public void Disable_next_line_for_another_rule_leaves_the_finding()
    {
        var report = Lint.Text(TwoContainersOnPort80.Replace("SHIP2005 --", "SHIP2006 --", StringComparison.Ordinal));

        Assert.Equal(["SHIP2005@15:26"], report.Findings(RuleIds.ContainerPortCollision));
        Assert.Equal(0, report.Summary.Suppressed);
    }

    [Fact]
    public void Disable_lasts_until_enable_and_otherwise_to_the_end_of_its_document()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
            spec:
              containers:
                # shipshape-disable SHIP2006
                - name: web
                - name: web
                # shipshape-enable SHIP2006
                - name: web
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: b
            spec:
              containers:
                # shipshape-disable SHIP2006 -- generated
                - name: web
                - name: web
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: c
            spec:
              containers:
                - name: web
                - name: web
            """;
        var report = Lint.Text(yaml);

        Assert.Equal(["SHIP2006@11:13", "SHIP2006@30:13"], report.Findings(RuleIds.DuplicateContainerName));
        Assert.Equal(
            [("SHIP2006@9:13", "comment"), ("SHIP2006@21:13", "generated")],
            report.Diagnostics.Where(d => d.IsSuppressed).Select(d => ($"{d.Id}@{d.Span.Line}:{d.Span.Column}", d.Suppression)));
    }

    [Fact]
    public void Annotation_on_the_object_suppresses_its_findings_with_the_reason()
    {
        var yaml = TwoContainersOnPort80
            .Replace("  name: simple-echo", "  name: simple-echo\n  annotations:\n    shipshape.io/ignore: \"SHIP2005 -- reviewed\"", StringComparison.Ordinal)
            .Replace("# shipshape-disable-next-line SHIP2005 -- echo only binds 80 in the test image\n", string.Empty, StringComparison.Ordinal);
        var report = Lint.Text(yaml);

        Assert.Empty(report.Findings(RuleIds.ContainerPortCollision));
        var suppressed = Assert.Single(report.Diagnostics, d => d.IsSuppressed);
        Assert.Equal((RuleIds.ContainerPortCollision, "reviewed"), (suppressed.Id, suppressed.Suppression));
    }

    [Fact]
    public void Annotation_on_a_pod_template_covers_the_template_only()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: other
              template:
                metadata:
                  labels:
                    app: web
                  annotations:
                    shipshape.io/ignore: SHIP2006, SHIP2001
                spec:
                  containers:
                    - name: web
                    - name: web
            """;
        var report = Lint.Text(yaml);

        Assert.Equal(["SHIP2001@8:12"], report.Findings(RuleIds.WorkloadSelectorMismatch));
        var suppressed = Assert.Single(report.Diagnostics, d => d.IsSuppressed);
        Assert.Equal((RuleIds.DuplicateContainerName, 18, 17, "annotation"), (suppressed.Id, suppressed.Span.Line, suppressed.Span.Column, suppressed.Suppression));
    }

    [Fact]
    public void Hash_signs_inside_scalars_are_not_directives()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              annotations:
                note: "# shipshape-disable SHIP2006"
                script: |
                  # shipshape-disable-next-line SHIP2006
            spec:
              containers:
                - name: web
                - name: web
            """;

        Assert.Equal(["SHIP2006@12:13"], Lint.Text(yaml).Findings(RuleIds.DuplicateContainerName));
    }

    [Fact]
    public void Directives_after_a_syntax_error_still_apply_in_later_documents()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: [unclosed
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: b
            spec:
              containers:
                - name: web
                # shipshape-disable-next-line SHIP2006
                - name: web
            """;
        var report = Lint.Text(yaml);

        Assert.Single(report.Findings(RuleIds.YamlSyntaxError));
        Assert.Empty(report.Findings(RuleIds.DuplicateContainerName));
        Assert.Equal(1, report.Summary.Suppressed);
    }

    [Fact]
    public void All_suppresses_every_rule_on_the_line()
    {
        var report = Lint.Text(TwoContainersOnPort80.Replace("SHIP2005 --", "all --", StringComparison.Ordinal));

        Assert.Empty(report.Findings(RuleIds.ContainerPortCollision));
        Assert.Equal(1, report.Summary.Suppressed);
    }

    [Fact]
    public void Comments_inside_indentless_sequences_do_not_stop_the_directives()
    {
        // Comments between the keys of an indentless sequence item, as in Kubernetes' audit-policy example.
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
            spec:
              volumes:
              - name: data
                # an ordinary comment
                emptyDir: {}
              containers:
                - name: web
                # shipshape-disable-next-line SHIP2006
                - name: web
            """;

        Assert.Empty(Lint.Text(yaml).Findings(RuleIds.DuplicateContainerName));
    }
}
