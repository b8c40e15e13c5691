using System.Diagnostics;

namespace Shipshape.Core.Tests.Schema;

/// <summary>
/// The x-kubernetes-validations rules of CustomResourceDefinitions in the linted set, evaluated on their custom
/// resources as the API server does (SHIP1001 at the node, with the rule's message), and the rules that do not
/// compile (SHIP1017 at the rule). The definitions are small ones in the style of Gateway API and cert-manager.
/// </summary>
public sealed class CelValidationTests
{
    private const string Autoscaler = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: scalers.example.com
        spec:
          group: example.com
          names: {kind: Scaler, plural: scalers}
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
                      x-kubernetes-validations:
                        - rule: "self.minReplicas <= self.maxReplicas"
                          message: "minReplicas must not be greater than maxReplicas"
                        - rule: "self.minReplicas >= oldSelf.minReplicas"
                          message: "minReplicas cannot go down"
                      properties:
                        minReplicas: {type: integer}
                        maxReplicas: {type: integer}
        ---

        """;

    private const string Route = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: httproutes.gateway.example.io
        spec:
          group: gateway.example.io
          names: {kind: HTTPRoute, plural: httproutes}
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
                        hostnames:
                          type: array
                          items: {type: string}
                          x-kubernetes-validations:
                            - rule: "self.all(h, !h.startsWith('*') || h.startsWith('*.'))"
                              message: "a wildcard hostname must start with '*.'"
                        rules:
                          type: array
                          items:
                            type: object
                            x-kubernetes-validations:
                              - rule: "!has(self.filters) || self.filters.filter(f, f.type == 'URLRewrite').size() <= 1"
                                message: "a rule may have at most one URLRewrite filter"
                            properties:
                              matches:
                                type: array
                                items:
                                  type: object
                                  properties:
                                    path:
                                      type: object
                                      x-kubernetes-validations:
                                        - rule: "(self.type in ['Exact', 'PathPrefix']) ? self.value.startsWith('/') : true"
                                          message: "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"
                                        - rule: "!self.value.contains('//')"
                                          messageExpression: "'the path ' + self.value + ' must not contain //'"
                                      properties:
                                        type: {type: string}
                                        value: {type: string}
                              filters:
                                type: array
                                items:
                                  type: object
                                  x-kubernetes-validations:
                                    - rule: "self.type == 'RequestRedirect' ? has(self.requestRedirect) : !has(self.requestRedirect)"
                                      message: "requestRedirect must be set for a RequestRedirect filter, and only for one"
                                  properties:
                                    type: {type: string}
                                    requestRedirect:
                                      type: object
                                      properties:
                                        statusCode: {type: integer}
        ---

        """;

    private const string Certificate = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: certificates.cert.example.io
        spec:
          group: cert.example.io
          names: {kind: Certificate, plural: certificates}
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
                      x-kubernetes-validations:
                        - rule: "!has(self.renewBefore) || !has(self.duration) || duration(self.renewBefore) < duration(self.duration)"
                          messageExpression: "'renewBefore (' + self.renewBefore + ') must be shorter than duration (' + self.duration + ')'"
                          fieldPath: .renewBefore
                        - rule: "has(self.commonName) || (has(self.dnsNames) && size(self.dnsNames) > 0)"
                          message: "at least one of commonName and dnsNames must be set"
                        - rule: "!has(self.dnsNames) || self.dnsNames.all(n, n.lowerAscii() == n && !n.endsWith('.'))"
                          message: "dnsNames must be lower case and must not end with a dot"
                          fieldPath: .dnsNames
                        - rule: "!has(self.keyStore) || quantity(self.keyStore.size).compareTo(quantity('64Mi')) <= 0"
                          message: "the key store must not be larger than 64Mi"
                        - rule: "self.secretName == oldSelf.secretName"
                          message: "secretName is immutable"
                      properties:
                        secretName: {type: string}
                        commonName: {type: string}
                        dnsNames: {type: array, items: {type: string}}
                        duration: {type: string}
                        renewBefore: {type: string}
                        keyStore:
                          type: object
                          properties:
                            size: {x-kubernetes-int-or-string: true}
        ---

        """;

    [Fact]
    public void MinReplicas_above_maxReplicas_is_one_finding_with_the_rules_message_at_the_custom_resource()
    {
        var report = Lint.Text(Autoscaler + """
            apiVersion: example.com/v1
            kind: Scaler
            metadata:
              name: inverted
            spec:
              minReplicas: 5
              maxReplicas: 2
            ---
            apiVersion: example.com/v1
            kind: Scaler
            metadata:
              name: fine
            spec:
              minReplicas: 2
              maxReplicas: 5
            """);

        Assert.Equal(["SHIP1001@32:1"], report.SchemaFindings());
        Assert.Equal(
            "spec: minReplicas must not be greater than maxReplicas (rule 'self.minReplicas <= self.maxReplicas'); the API server rejects this object, so fix the value",
            report.Single("SHIP1001").Message);
    }

    [Fact]
    public void Gateway_route_rules_check_lists_with_all_and_filter_string_functions_and_message_expressions()
    {
        var report = Lint.Text(Route + """
            apiVersion: gateway.example.io/v1
            kind: HTTPRoute
            metadata:
              name: web
            spec:
              hostnames: ["example.com", "*example.com"]
              rules:
                - matches:
                    - path: {type: PathPrefix, value: "api"}
                    - path: {type: Exact, value: "/a//b"}
                    - path: {type: RegularExpression, value: "^/v[0-9]+"}
                  filters:
                    - type: URLRewrite
                    - type: URLRewrite
                    - type: RequestRedirect
                    - type: RequestHeaderModifier
                      requestRedirect: {statusCode: 301}
            ---
            apiVersion: gateway.example.io/v1
            kind: HTTPRoute
            metadata:
              name: clean
            spec:
              hostnames: ["example.com", "*.example.com"]
              rules:
                - matches:
                    - path: {type: PathPrefix, value: "/api"}
                  filters:
                    - type: URLRewrite
                    - type: RequestRedirect
                      requestRedirect: {statusCode: 301}
            """);

        Assert.Equal(["SHIP1001@68:3", "SHIP1001@70:7", "SHIP1001@71:11", "SHIP1001@72:11", "SHIP1001@77:11", "SHIP1001@78:11"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.hostnames: a wildcard hostname must start with '*.' (rule 'self.all(h, !h.startsWith('*') || h.startsWith('*.'))')",
                "spec.rules[0]: a rule may have at most one URLRewrite filter (rule '!has(self.filters) || self.filters.filter(f, f.type == 'URLRewrite').size() <= 1')",
                "spec.rules[0].matches[0].path: value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix'] (rule '(self.type in ['Exact', 'PathPrefix']) ? self.value.startsWith('/') : true')",
                "spec.rules[0].matches[1].path: the path /a//b must not contain // (rule '!self.value.contains('//')')",
                "spec.rules[0].filters[2]: requestRedirect must be set for a RequestRedirect filter, and only for one (rule 'self.type == 'RequestRedirect' ? has(self.requestRedirect) : !has(self.requestRedirect)')",
                "spec.rules[0].filters[3]: requestRedirect must be set for a RequestRedirect filter, and only for one (rule 'self.type == 'RequestRedirect' ? has(self.requestRedirect) : !has(self.requestRedirect)')",
            ],
            Messages(report));
    }

    [Fact]
    public void Certificate_rules_report_at_their_field_path_with_durations_quantities_and_has()
    {
        var report = Lint.Text(Certificate + """
            apiVersion: cert.example.io/v1
            kind: Certificate
            metadata:
              name: web
            spec:
              secretName: web-tls
              dnsNames: ["Example.com", "www.example.com."]
              duration: 24h
              renewBefore: 48h
              keyStore: {size: 1Gi}
            ---
            apiVersion: cert.example.io/v1
            kind: Certificate
            metadata:
              name: empty
            spec:
              secretName: empty-tls
              keyStore: {size: 65536}
            ---
            apiVersion: cert.example.io/v1
            kind: Certificate
            metadata:
              name: clean
            spec:
              secretName: clean-tls
              dnsNames: ["example.com"]
              duration: 2160h
              renewBefore: 360h
              keyStore: {size: 32Mi}
            """);

        Assert.Equal(["SHIP1001@47:1", "SHIP1001@49:3", "SHIP1001@51:16", "SHIP1001@58:1", "SHIP1001@58:1"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec: the key store must not be larger than 64Mi (rule '!has(self.keyStore) || quantity(self.keyStore.size).compareTo(quantity('64Mi')) <= 0')",
                "spec.dnsNames: dnsNames must be lower case and must not end with a dot (rule '!has(self.dnsNames) || self.dnsNames.all(n, n.lowerAscii() == n && !n.endsWith('.'))')",
                "spec.renewBefore: renewBefore (48h) must be shorter than duration (24h) (rule '!has(self.renewBefore) || !has(self.duration) || duration(self.renewBefore) < duration(self.durat...')",
                "spec could not be checked by the rule '!has(self.keyStore) || quantity(self.keyStore.size).compareTo(quantity('64Mi')) <= 0': no such overload: quantity(int)",
                "spec: at least one of commonName and dnsNames must be set (rule 'has(self.commonName) || (has(self.dnsNames) && size(self.dnsNames) > 0)')",
            ],
            Messages(report));
    }

    [Fact]
    public void A_rule_over_its_cost_budget_ends_quickly_with_a_finding()
    {
        var definition = Autoscaler.Replace(
            "- rule: \"self.minReplicas <= self.maxReplicas\"",
            "- rule: \"self.names.all(a, self.names.all(b, self.names.all(c, a + b + c != 'x')))\"",
            StringComparison.Ordinal).Replace("maxReplicas: {type: integer}", "maxReplicas: {type: integer}\n                names: {type: array, items: {type: string}}", StringComparison.Ordinal);
        var names = string.Join(", ", Enumerable.Range(0, 300).Select(i => $"n{i}"));
        var stopwatch = Stopwatch.StartNew();

        var report = Lint.Text(definition + $"apiVersion: example.com/v1\nkind: Scaler\nmetadata:\n  name: hostile\nspec:\n  minReplicas: 1\n  names: [{names}]\n");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(["SHIP1001@33:1"], report.SchemaFindings());
        Assert.Equal(
            "spec could not be checked by the rule 'self.names.all(a, self.names.all(b, self.names.all(c, a + b + c != 'x')))': evaluating it exceeds the cost budget the API server allows a rule (1,000,000); the API server rejects this object, so fix the value",
            report.Single("SHIP1001").Message);
    }

    [Fact]
    public void A_rule_that_does_not_compile_is_one_warning_on_the_definition_and_checks_nothing()
    {
        var report = Lint.Text(Autoscaler.Replace("self.minReplicas <= self.maxReplicas\"", "self.minReplicas <= self.maxReplicas &&\"", StringComparison.Ordinal) + """
            apiVersion: example.com/v1
            kind: Scaler
            metadata:
              name: inverted
            spec:
              minReplicas: 5
              maxReplicas: 2
            """);

        Assert.Equal(["SHIP1017@20:25"], report.SchemaFindings());
        Assert.Equal(
            "The x-kubernetes-validations rule 'self.minReplicas <= self.maxReplicas &&' of Scaler v1 does not compile: the expression ends where a value was expected (at character 40); the API server refuses the definition, and Shipshape does not evaluate the rule, so fix it",
            report.Single("SHIP1017").Message);
    }

    [Fact]
    public void A_rule_on_the_object_sees_its_name_but_no_other_metadata()
    {
        var definition = Autoscaler.Replace(
            "          type: object\n          properties:\n            spec:",
            "          type: object\n          x-kubernetes-validations:\n            - rule: \"self.metadata.name.startsWith('scaler-') && !has(self.metadata.labels)\"\n              message: \"the name must start with scaler-\"\n          properties:\n            spec:",
            StringComparison.Ordinal);

        var report = Lint.Text(definition + """
            apiVersion: example.com/v1
            kind: Scaler
            metadata:
              name: scaler-a
              labels: {app: a}
            ---
            apiVersion: example.com/v1
            kind: Scaler
            metadata:
              name: other
            """);

        Assert.Equal(["SHIP1001@37:1"], report.SchemaFindings());
        Assert.Equal(["the object: the name must start with scaler- (rule 'self.metadata.name.startsWith('scaler-') && !has(self.metadata.labels)')"], Messages(report));
    }

    [Fact]
    public void Rules_of_a_schema_location_are_evaluated_too()
    {
        var directory = Directory.CreateTempSubdirectory("shipshape-cel-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "scaler-example-v1.json"), """
                {
                  "type": "object",
                  "properties": {
                    "spec": {
                      "type": "object",
                      "x-kubernetes-validations": [{"rule": "self.minReplicas <= self.maxReplicas", "message": "minReplicas must not be greater than maxReplicas"}],
                      "properties": {"minReplicas": {"type": "integer"}, "maxReplicas": {"type": "integer"}}
                    }
                  }
                }
                """);
            var template = Path.Combine(directory.FullName, "{{ .ResourceKind }}-{{ .Group }}-{{ .ResourceAPIVersion }}.json");

            var report = Lint.Text("apiVersion: example/v1\nkind: Scaler\nmetadata:\n  name: s\nspec:\n  minReplicas: 3\n  maxReplicas: 1\n", options: new Shipshape.Core.Engine.LintOptions { SchemaLocations = [template] });

            Assert.Equal(["SHIP1001@5:1"], report.SchemaFindings());
            Assert.Equal(["spec: minReplicas must not be greater than maxReplicas (rule 'self.minReplicas <= self.maxReplicas') (JSON schema scaler-example-v1.json)"], Messages(report));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string[] Messages(Shipshape.Core.Engine.LintReport report) =>
        report.Active.Where(d => d.Id == "SHIP1001").Select(d => d.Message[..d.Message.IndexOf("; the API server", StringComparison.Ordinal)]).ToArray();
}
