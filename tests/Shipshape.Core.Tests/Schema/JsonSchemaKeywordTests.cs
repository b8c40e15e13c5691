using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Tests.Schema;

/// <summary>
/// The JSON Schema keywords of kubeconform-layout files (--schema-location), as Shipshape's schema engine reads
/// them: each finding's rule, position and message.
/// </summary>
public sealed class JsonSchemaKeywordTests : IDisposable
{
    private const string Rejected = " (JSON schema gadget.json); the API server rejects this object, so fix the value";
    private const string Dropped = " (JSON schema gadget.json); the API server drops unknown fields without a word, so fix the name or remove it";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("shipshape-jsonschema-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Type_lists_may_allow_null()
    {
        var report = Run(
            """{"properties": {"spec": {"properties": {"note": {"type": ["string", "null"]}, "count": {"type": "integer"}}}}}""",
            """
            spec:
              note: null
              count: null
            ---
            spec:
              note: [a]
              count: 3
            """);

        Assert.Equal(["SHIP1001@7:10", "SHIP1001@14:9"], report.SchemaFindings());
        Assert.Equal(
            ["spec.count must be an integer, but is null" + Rejected, "spec.note must be a string or null, but is a list" + Rejected],
            Messages(report));
    }

    [Fact]
    public void OneOf_takes_exactly_one_alternative()
    {
        var report = Run(
            """{"properties": {"spec": {"properties": {"port": {"oneOf": [{"type": "string"}, {"type": "integer"}]}, "replicas": {"oneOf": [{"type": "integer"}, {"minimum": 0}]}}}}}""",
            """
            spec:
              port: http
              replicas: -1
            ---
            spec:
              port: {number: 80}
              replicas: 2
            """);

        Assert.Equal(["SHIP1001@14:9", "SHIP1001@15:13"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.port must be a string or an integer, but is a mapping" + Rejected,
                "spec.replicas must match exactly one of the schemas under \"oneOf\", but matches 2" + Rejected,
            ],
            Messages(report));
    }

    [Fact]
    public void AnyOf_reports_the_findings_of_the_only_alternative_of_the_value_s_type_or_all_reasons()
    {
        var report = Run(
            """
            {"properties": {"spec": {"properties": {
              "limit": {"anyOf": [{"type": "integer", "maximum": 10}, {"type": "string", "pattern": "^[0-9]+%$"}]},
              "resources": {"anyOf": [{"required": ["cpu"]}, {"required": ["memory"]}]}
            }}}}
            """,
            """
            spec:
              limit: 50%
              resources: {cpu: 1}
            ---
            spec:
              limit: 11
              resources:
                gpu: 1
            """);

        Assert.Equal(["SHIP1001@14:10", "SHIP1001@16:5"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.limit must be at most 10, but is 11" + Rejected,
                "spec.resources matches none of the schemas under \"anyOf\": spec.resources.cpu is required, but missing; or spec.resources.memory is required, but missing" + Rejected,
            ],
            Messages(report));
    }

    [Fact]
    public void AllOf_applies_every_schema_and_says_each_thing_once()
    {
        var report = Run(
            """{"properties": {"spec": {"allOf": [{"required": ["name"]}, {"required": ["name"], "properties": {"size": {"maximum": 10}}}]}}}""",
            """
            spec:
              size: 12
            """);

        Assert.Equal(["SHIP1001@5:1", "SHIP1001@6:9"], report.SchemaFindings());
        Assert.Equal(
            ["spec.name is required, but missing" + Rejected, "spec.size must be at most 10, but is 12" + Rejected],
            Messages(report));
    }

    [Fact]
    public void Not_forbids_what_its_schema_matches()
    {
        var report = Run(
            """{"properties": {"spec": {"not": {"required": ["legacy"]}}}}""",
            """
            spec:
              legacy: true
            ---
            spec:
              modern: true
            """);

        Assert.Equal(["SHIP1001@6:3"], report.SchemaFindings());
        Assert.Equal(["spec must not match the schema under \"not\", but does" + Rejected], Messages(report));
    }

    [Fact]
    public void References_within_the_file_are_followed_to_definitions_and_defs()
    {
        var report = Run(
            """
            {
              "properties": {"spec": {"$ref": "#/definitions/spec"}},
              "definitions": {"spec": {"properties": {"size": {"$ref": "#/$defs/size"}, "children": {"type": "array", "items": {"$ref": "#/definitions/spec"}}}}},
              "$defs": {"size": {"type": "integer", "maximum": 5}}
            }
            """,
            """
            spec:
              size: 7
              children:
                - size: 1
                - size: big
            """);

        Assert.Equal(["SHIP1001@6:9", "SHIP1001@9:13"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.size must be at most 5, but is 7" + Rejected,
                "spec.children[1].size must be an integer, but is the string \"big\"" + Rejected,
            ],
            Messages(report));
    }

    [Fact]
    public void A_combinator_that_refers_back_to_itself_ends()
    {
        var report = Run(
            """{"properties": {"spec": {"$ref": "#/definitions/loop"}}, "definitions": {"loop": {"allOf": [{"$ref": "#/definitions/loop"}], "required": ["size"]}}}""",
            """
            spec:
              colour: red
            """);

        Assert.Equal(["SHIP1001@5:1"], report.SchemaFindings());
        Assert.Equal(["spec.size is required, but missing" + Rejected], Messages(report));
    }

    [Fact]
    public void A_reference_outside_the_file_makes_it_unusable()
    {
        var exception = Assert.Throws<InputException>(() => Run("""{"properties": {"spec": {"$ref": "_definitions.json#/definitions/spec"}}}""", "spec: {}"));

        Assert.EndsWith(
            "gadget.json: not a usable JSON schema: $ref \"_definitions.json#/definitions/spec\" does not name a schema in this file (only references within the file, such as #/definitions/Name, are followed; nothing is downloaded)",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_of_later_drafts_are_ignored_with_one_warning_per_schema()
    {
        var report = Run(
            """{"properties": {"spec": {"required": ["size"], "unevaluatedProperties": false, "properties": {"ports": {"$ref": "#/definitions/ports"}}}}, "definitions": {"ports": {"prefixItems": [{"type": "integer"}]}, "unused": {"dependentRequired": {}}}}""",
            """
            spec:
              size: 1
              ports: [http]
              extra: 1
            ---
            spec:
              ports: []
            """);

        // What the ignored keywords forbid passes (a string port, an extra field); what draft-07 says still holds.
        Assert.Equal(["SHIP1001@14:1"], report.SchemaFindings());
        Assert.Equal(["spec.size is required, but missing" + Rejected], Messages(report));
        // A keyword only in a schema nothing refers to constrains nothing, so it is not named.
        Assert.Equal(
            [$"The JSON schema {Path.Combine(_directory.FullName, "gadget.json")} uses prefixItems and unevaluatedProperties (JSON Schema 2019-09 and later), which Shipshape does not implement, so objects are not checked against them; write them with draft-07 keywords (additionalProperties, items, dependencies) to have them checked."],
            report.Notes);
    }

    [Fact]
    public void Const_and_enum_name_the_allowed_values()
    {
        var report = Run(
            """{"properties": {"spec": {"properties": {"mode": {"const": "v2"}, "tier": {"enum": ["gold", "silver"]}}}}}""",
            """
            spec:
              mode: v1
              tier: bronze
            """);

        Assert.Equal(["SHIP1001@6:9", "SHIP1001@7:9"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.mode must be \"v2\", but is the string \"v1\"" + Rejected,
                "spec.tier must be one of \"gold\", \"silver\", but is the string \"bronze\"" + Rejected,
            ],
            Messages(report));
    }

    [Fact]
    public void Format_pattern_lengths_counts_and_bounds()
    {
        var report = Run(
            """
            {"properties": {"spec": {"properties": {
              "since": {"type": "string", "format": "date-time"},
              "code": {"type": "string", "pattern": "^[A-Z]+$", "minLength": 2, "maxLength": 4},
              "tags": {"type": "array", "minItems": 1, "maxItems": 2},
              "ratio": {"type": "number", "exclusiveMinimum": 0, "maximum": 1}
            }}}}
            """,
            """
            spec:
              since: yesterday
              code: abc
              tags: [a, b, c]
              ratio: 0
            ---
            spec:
              since: "2024-01-31T12:00:00Z"
              code: ABCDE
              tags: []
              ratio: 0.5
            """);

        Assert.Equal(["SHIP1001@6:10", "SHIP1001@7:9", "SHIP1001@8:9", "SHIP1001@9:10", "SHIP1001@17:9", "SHIP1001@18:9"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.since must be a date and time such as 2024-01-31T12:00:00Z, but is the string \"yesterday\"" + Rejected,
                "spec.code must be a string matching ^[A-Z]+$, but is the string \"abc\"" + Rejected,
                "spec.tags must have at most 2 items, but has 3" + Rejected,
                "spec.ratio must be greater than 0, but is 0" + Rejected,
                "spec.code must be at most 4 characters long, but is the string \"ABCDE\"" + Rejected,
                "spec.tags must have at least 1 item, but has 0" + Rejected,
            ],
            Messages(report));
    }

    [Fact]
    public void Fields_are_open_unless_additionalProperties_closes_or_describes_them()
    {
        var report = Run(
            """
            {"required": ["spec"], "properties": {"spec": {"properties": {
              "open": {"type": "object", "properties": {"a": {"type": "string"}}},
              "also": {"type": "object", "additionalProperties": true},
              "closed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false},
              "counts": {"type": "object", "additionalProperties": {"type": "integer"}}
            }}}}
            """,
            """
            spec:
              open: {a: x, b: y}
              also: {b: y}
              closed: {a: x, b: y}
              counts: {web: 2, api: many}
            ---
            status: {ready: true}
            """);

        Assert.Equal(["SHIP1002@8:18", "SHIP1001@9:25", "SHIP1001@11:1"], report.SchemaFindings());
        Assert.Equal(
            [
                "spec.closed.b is not a field of example.com/v1 Gadget (did you mean 'a'?)" + Dropped,
                "spec.counts.api must be an integer, but is the string \"many\"" + Rejected,
                "spec is required, but missing" + Rejected,
            ],
            Messages(report));
    }

    /// <summary>Lints the documents (each given apiVersion, kind and a name) with <paramref name="schema"/> as the schema of every kind.</summary>
    private LintReport Run(string schema, string documents)
    {
        var path = Path.Combine(_directory.FullName, "gadget.json");
        File.WriteAllText(path, schema);
        var yaml = string.Join("\n---\n", documents.Split("\n---\n").Select((document, index) => $"apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: gadget-{index}\n{document}"));
        return Lint.Text(yaml, options: new LintOptions { SchemaLocations = [path] });
    }

    private static string[] Messages(LintReport report) =>
        report.Active.Where(d => d.Descriptor.Category == RuleCategory.Schema).Select(d => d.Message).ToArray();
}
