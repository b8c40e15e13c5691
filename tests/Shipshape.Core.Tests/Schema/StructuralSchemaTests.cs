using System.Diagnostics;

namespace Shipshape.Core.Tests.Schema;

/// <summary>
/// What CRD structural schemas add to JSON Schema (list types, nullable, int-or-string, preserved and embedded
/// fields) and the draft-07 keywords a CRD may use, validated as the API server would, each finding at its node.
/// </summary>
public sealed class StructuralSchemaTests
{
    private const string Definition = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          names: {kind: Gadget, plural: gadgets}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        ports:
                          type: array
                          x-kubernetes-list-type: map
                          x-kubernetes-list-map-keys: [port, protocol]
                          items:
                            type: object
                            properties:
                              port: {type: integer}
                              protocol: {type: string}
                        tags:
                          type: array
                          x-kubernetes-list-type: set
                          items: {type: string}
                        note: {type: string, nullable: true}
                        size: {x-kubernetes-int-or-string: true}
                        extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                        template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                        name: {type: string, pattern: '^(a+)+$'}
                        count: {type: integer, format: int32, multipleOf: 2}
                        uid: {type: string, format: uuid}
                        names: {type: array, items: {type: string, pattern: '^(a+)+$'}}
        ---

        """;

    [Fact]
    public void Structural_extensions_and_keywords_are_enforced_at_their_nodes()
    {
        var report = Lint.Text(Definition + """
            apiVersion: example.com/v1
            kind: Gadget
            metadata:
              name: g
            spec:
              ports:
                - {port: 80, protocol: TCP}
                - {port: 80, protocol: UDP}
                - {port: 80, protocol: TCP}
              tags: [a, b, a]
              note: null
              size: 50%
              extra: {anything: [1, 2]}
              template: {apiVersion: v1, kind: Pod, whatever: 1}
              name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
              count: 3
              uid: not-a-uuid
            """);

        Assert.Equal(["SHIP1001@50:7", "SHIP1001@51:16", "SHIP1001@56:9", "SHIP1001@57:10", "SHIP1001@58:8"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.ports[2] has the same port, protocol as item [0]; the items of this list must be unique",
                "spec.tags[2] has the same value as item [0]; the items of this list must be unique",
                "spec.name must be a string matching ^(a+)+$, but is the string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\"",
                "spec.count must be a multiple of 2, but is 3",
                "spec.uid must be a UUID, but is the string \"not-a-uuid\"",
            ],
            report.Active.Where(d => d.Id == "SHIP1001").Select(d => d.Message[..d.Message.IndexOf("; the API server", StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_pattern_prone_to_backtracking_checks_a_thousand_values_quickly()
    {
        var values = string.Concat(Enumerable.Repeat("    - aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n", 1000));
        var stopwatch = Stopwatch.StartNew();

        // Without the per-file cap on findings: every value is checked, and every one is reported.
        var report = Lint.Text(Definition + "apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: g\nspec:\n  names:\n" + values, options: new Shipshape.Core.Engine.LintOptions { MaxFindingsPerRule = 0 });

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        var findings = report.SchemaFindings();
        Assert.Equal(1000, findings.Length);
        Assert.Equal("SHIP1001@48:7", findings[0]);
        Assert.Equal("SHIP1001@1047:7", findings[^1]);
    }
}
