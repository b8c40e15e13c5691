using System.Diagnostics;

namespace Shipshape.Cli.Tests;

/// <summary>
/// JSON Schemas given with --schema-location, through the command line: keywords compared and enforced as JSON Schema
/// says, schemas that loop or are malformed, a missing directory, and objects whose kind would lead out of the directory.
/// </summary>
public sealed class SchemaLocationTests
{
    [Fact]
    public void An_enum_of_numbers_accepts_1_0_for_1_and_rejects_the_string_1()
    {
        var result = Lint("""{"properties": {"spec": {"properties": {"replicas": {"enum": [1, 2]}}}}}""", Gadget("a", "  replicas: 1.0"), Gadget("b", "  replicas: \"1\""));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["SHIP1001@13:13"], result.JsonFindings("SHIP1"));
        Assert.StartsWith("spec.replicas must be one of 1, 2, but is the string \"1\"", Message(result, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_of_mappings_compares_fields_in_any_order()
    {
        var result = Lint(
            """{"properties": {"spec": {"properties": {"size": {"enum": [{"cpu": 1, "memory": "1Gi"}, {"cpu": 2, "memory": "2Gi"}]}}}}}""",
            Gadget("a", "  size: {memory: 1Gi, cpu: 1.0}"),
            Gadget("b", "  size: {cpu: 1, memory: 2Gi}"));

        Assert.Equal(["SHIP1001@13:9"], result.JsonFindings("SHIP1"));
    }

    [Fact]
    public void UniqueItems_multipleOf_patternProperties_and_if_then_else_are_enforced()
    {
        var result = Lint(
            """
            {"properties": {"spec": {
              "properties": {
                "tags": {"type": "array", "uniqueItems": true},
                "step": {"type": "number", "multipleOf": 0.5},
                "labels": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
                "mode": {"type": "string"}
              },
              "if": {"properties": {"mode": {"const": "tls"}}, "required": ["mode"]},
              "then": {"required": ["cert"]}
            }}}
            """,
            Gadget("a", "  tags: [a, b, a]\n  step: 1.25\n  labels: {x-team: 3, other: 4}\n  mode: tls"),
            Gadget("b", "  tags: [a, b]\n  step: 1.5\n  labels: {x-team: web, other: 4}\n  mode: plain"));

        Assert.Equal(["SHIP1001@5:1", "SHIP1001@6:16", "SHIP1001@7:9", "SHIP1001@8:20"], result.JsonFindings("SHIP1").Order(StringComparer.Ordinal));
        var messages = Enumerable.Range(0, 4).Select(i => Message(result, i)).Order(StringComparer.Ordinal).ToArray();
        Assert.StartsWith("spec.cert is required, but missing", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("spec.labels.x-team must be a string, but is the integer 3", messages[1], StringComparison.Ordinal);
        Assert.StartsWith("spec.step must be a multiple of 0.5, but is 1.25", messages[2], StringComparison.Ordinal);
        Assert.StartsWith("spec.tags[2] has the same value as item [0]; the items of this list must be unique", messages[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_whose_anyOf_refers_back_to_itself_ends_quickly()
    {
        var nested = string.Concat(Enumerable.Repeat("{spec: ", 40)) + "{}" + new string('}', 40);
        var stopwatch = Stopwatch.StartNew();

        var result = Lint(
            """{"anyOf": [{"$ref": "#"}, {"properties": {"spec": {"$ref": "#"}}}, {"type": "object", "properties": {"spec": {"anyOf": [{"$ref": "#"}, {"$ref": "#/anyOf/1"}]}}}]}""",
            Gadget("a", "  inner: " + nested));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([], result.JsonFindings("SHIP1"));
    }

    [Theory]
    [InlineData("""{"type": 5}""", "at the root schema: type must be a type name or a list of them, but is the number 5")]
    [InlineData("""{"properties": {"spec": {"pattern": ["a"]}}}""", "at #/properties/spec: pattern must be a string, but is a list")]
    [InlineData("""{"properties": {"spec": {"type": "strnig"}}}""", "at #/properties/spec: type \"strnig\" is not a JSON type (object, array, string, integer, number, boolean or null)")]
    [InlineData("""{"items": {"pattern": "(unclosed"}}""", "at #/items: pattern \"(unclosed\" is not a regular expression Shipshape can read")]
    public void A_malformed_schema_is_exit_2_with_one_line(string schema, string why)
    {
        var result = Lint(schema, Gadget("a", "  x: 1"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("gadget.json: not a usable JSON schema: " + why, line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyword_of_a_later_draft_is_one_note_per_schema_and_the_rest_still_checks()
    {
        using var files = new TempFiles();
        var schema = files.Write("schemas/gadget.json", """{"properties": {"spec": {"unevaluatedProperties": false, "properties": {"x": {"type": "integer"}}}}}""");
        var manifest = files.Write("gadget.yaml", Gadget("a", "  x: 1\n  extra: 1") + "---\n" + Gadget("b", "  x: two"));

        var result = CliRunner.Run("lint", "--schema-location", Path.Combine(files.Root, "schemas", "{{ .ResourceKind }}.json"), "--", manifest);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(
            [$"note: The JSON schema {schema} uses unevaluatedProperties (JSON Schema 2019-09 and later), which Shipshape does not implement, so objects are not checked against it; write it with draft-07 keywords (additionalProperties, items, dependencies) to have it checked."],
            result.Stdout.Split('\n').Where(line => line.StartsWith("note:", StringComparison.Ordinal)));
        Assert.Contains("gadget.yaml:14:6: error SHIP1001 spec.x must be an integer", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_is_exit_2_with_one_line()
    {
        using var files = new TempFiles();
        var manifest = files.Write("gadget.yaml", Gadget("a", "  x: 1"));
        var missing = Path.Combine(files.Root, "no-such-schemas");

        var result = CliRunner.Run("lint", "--schema-location", missing, "--", manifest);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"shipshape: --schema-location {missing}: no such directory {missing}", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com/v1", "../../secret")]
    [InlineData("example.com/v1", "..")]
    [InlineData("../../secret/v1", "Gadget")]
    [InlineData("example.com/../../secret", "Gadget")]
    public void An_object_cannot_make_a_template_read_outside_its_directory(string apiVersion, string kind)
    {
        using var files = new TempFiles();
        // A schema outside the location that every value breaks, with text that would show in a finding.
        files.Write("secret.json", """{"properties": {"spec": {"enum": ["TOP-SECRET-CONTENT"]}}}""");
        files.Write("schemas/sub/gadget.json", "{}");
        var manifest = files.Write("m/gadget.yaml", $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: a\nspec:\n  x: 1\n");
        var template = Path.Combine(files.Root, "schemas", "sub", "{{ .ResourceKind }}.json");
        var groupTemplate = Path.Combine(files.Root, "schemas", "sub", "{{ .Group }}.json");

        var result = CliRunner.Run("lint", "--format", "json", "--schema-location", template, "--schema-location", groupTemplate, "--", manifest);

        Assert.DoesNotContain("TOP-SECRET", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal([], result.JsonFindings("SHIP1001", "SHIP1002"));
    }

    private static string Gadget(string name, string spec) => $"apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: {name}\nspec:\n{spec}\n";

    private static CliResult Lint(string schema, params string[] documents)
    {
        using var files = new TempFiles();
        files.Write("schemas/gadget.json", schema);
        var manifest = files.Write("gadget.yaml", string.Join("---\n", documents));
        return CliRunner.Run("lint", "--format", "json", "--schema-location", Path.Combine(files.Root, "schemas", "{{ .ResourceKind }}.json"), "--", manifest);
    }

    private static string Message(CliResult result, int index) =>
        result.Json.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("id").GetString() == "SHIP1001").ElementAt(index).GetProperty("message").GetString()!;
}
