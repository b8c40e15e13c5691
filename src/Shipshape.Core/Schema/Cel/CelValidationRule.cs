using System.Text.Json;

namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// One entry of a schema's <c>x-kubernetes-validations</c>, compiled: the rule, the message to give when it fails
/// (<c>message</c>, or <c>messageExpression</c> evaluated), and the field its failure is about (<c>fieldPath</c>,
/// relative to the value the rule is on). Compiled once with its schema, so once per CustomResourceDefinition version.
/// </summary>
internal sealed class CelValidationRule
{
    private static readonly string[] Variables = ["self", "oldSelf"];

    private CelValidationRule(string text, CelProgram program, string? message, CelProgram? messageExpression, IReadOnlyList<string>? fieldPath)
    {
        Text = text;
        Program = program;
        Message = message;
        MessageExpression = messageExpression;
        FieldPath = fieldPath;
    }

    /// <summary>The rule as the schema writes it.</summary>
    public string Text { get; }

    public CelProgram Program { get; }

    public string? Message { get; }

    public CelProgram? MessageExpression { get; }

    /// <summary>The field names <c>fieldPath</c> descends through, or null when it names none.</summary>
    public IReadOnlyList<string>? FieldPath { get; }

    /// <summary>Compiles one rule; null with the reason when its rule, messageExpression or fieldPath is not valid.</summary>
    public static CelValidationRule? TryCompile(string rule, string? message, string? messageExpression, string? fieldPath, out string? problem)
    {
        problem = null;
        CelProgram program;
        CelProgram? messageProgram = null;
        try
        {
            program = CelProgram.Compile(rule, Variables);
        }
        catch (CelCompileException exception)
        {
            problem = exception.Message;
            return null;
        }

        if (messageExpression is not null)
        {
            try
            {
                messageProgram = CelProgram.Compile(messageExpression, Variables);
            }
            catch (CelCompileException exception)
            {
                problem = $"its messageExpression does not compile: {exception.Message}";
                return null;
            }
        }

        IReadOnlyList<string>? path = null;
        if (!string.IsNullOrEmpty(fieldPath) && (path = ParseFieldPath(fieldPath!)) is null)
        {
            problem = $"its fieldPath '{fieldPath}' is not a path of fields such as .spec.replicas or .labels['app.kubernetes.io/name']";
            return null;
        }

        return new CelValidationRule(rule, program, message, messageProgram, path);
    }

    /// <summary>
    /// The rules of a schema's <c>x-kubernetes-validations</c> that a linter can evaluate: those that compile (the ones
    /// that do not are SHIP1017's to report on the definition) and are not transition rules (they need the old object).
    /// Null when there are none, so a schema without rules costs nothing when validating.
    /// </summary>
    public static CelValidationRule[]? ReadAll(JsonElement schema)
    {
        if (!schema.TryGetProperty("x-kubernetes-validations", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var rules = new List<CelValidationRule>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && StringField(item, "rule") is { } text
                && TryCompile(text, StringField(item, "message"), StringField(item, "messageExpression"), StringField(item, "fieldPath"), out _) is { Program.UsesOldSelf: false } rule
                && rule.MessageExpression?.UsesOldSelf != true)
            {
                rules.Add(rule);
            }
        }

        return rules.Count == 0 ? null : [.. rules];
    }

    private static string? StringField(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><c>.a.b</c>, <c>.a['b.c']</c>: field names only (the API server takes no list indexes here).</summary>
    private static List<string>? ParseFieldPath(string path)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }

                if (i == start)
                {
                    return null;
                }

                segments.Add(path[start..i]);
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] is '\'' or '"')
            {
                var quote = path[i + 1];
                var end = path.IndexOf(quote, i + 2);
                if (end < 0 || end + 1 >= path.Length || path[end + 1] != ']')
                {
                    return null;
                }

                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else
            {
                return null;
            }
        }

        return segments.Count == 0 ? null : segments;
    }
}
