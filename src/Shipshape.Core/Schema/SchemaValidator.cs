using System.Globalization;
using System.Text;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

/// <summary>
/// Validates a YAML node tree against a compiled schema, walking the loader's nodes directly: every finding
/// points at the node it is about (the value, or the key of an unknown or missing field), and nothing is
/// converted to JSON first. The field path of a finding is only built when there is a finding.
/// </summary>
internal sealed class SchemaValidator
{
    // allOf/anyOf/oneOf/not apply more schemas to the same value; a schema file whose combinator refers back to
    // itself ({"allOf": [{"$ref": "#"}]}) would do so for ever. Real schemas nest them a few levels at most.
    private const int MaxCombinatorDepth = 32;

    private readonly List<PathSegment> _path = [];
    private int _combinatorDepth;
    // Swapped for a scratch list while an alternative of anyOf/oneOf/not is tried.
    private List<SchemaFinding> _findings;
    private readonly string _subject;

    /// <param name="subject">What the schema describes, for unknown-field messages: "apps/v1 Deployment".</param>
    private SchemaValidator(string subject, List<SchemaFinding> findings)
    {
        _subject = subject;
        _findings = findings;
    }

    public static void Validate(MappingNode root, SchemaNode schema, string subject, List<SchemaFinding> findings)
    {
        var start = findings.Count;
        new SchemaValidator(subject, findings).Check(root, schema, parentKey: null);
        if (findings.Count - start > 1)
        {
            // allOf's schemas may each say the same thing about a value (two of them requiring one field).
            var seen = new HashSet<(Node, string)>();
            var index = start;
            findings.RemoveAll(finding => index++ >= start && !seen.Add((finding.At, finding.Message)));
        }
    }

    private void Check(Node node, SchemaNode schema, Node? parentKey)
    {
        schema = schema.Resolve();
        if (CheckValue(node, schema, parentKey) && schema.HasCombinators && _combinatorDepth < MaxCombinatorDepth)
        {
            _combinatorDepth++;
            CheckCombinators(node, schema, parentKey);
            _combinatorDepth--;
        }
    }

    /// <summary>Checks the schema's own keywords; false when the value is not even of an allowed type (then nothing else is said about it).</summary>
    private bool CheckValue(Node node, SchemaNode schema, Node? parentKey)
    {
        if (!Fits(node, schema))
        {
            var hint = schema.Types == JsonTypes.String && node is ScalarNode { IsPlain: true, IsNull: false } plain ? $" (write \"{plain.Value}\" in quotes)" : string.Empty;
            Violation(node, $"{PathText()} must be {Expected(schema)}, but is {Describe(node)}{hint}");
            return false;
        }

        if (node is ScalarNode { IsNull: true } || schema.IntOrString)
        {
            return true;
        }

        if (schema.Quantity)
        {
            CheckQuantity(node);
            return true;
        }

        switch (node)
        {
            case MappingNode mapping:
                CheckMapping(mapping, schema, parentKey);
                break;
            case SequenceNode sequence:
                CheckSequence(sequence, schema);
                break;
            case ScalarNode scalar:
                CheckScalar(scalar, schema);
                break;
        }

        return true;
    }

    /// <summary>Whether the value is of a type (or null) the schema allows.</summary>
    private static bool Fits(Node node, SchemaNode schema)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return schema.NullAllowed || (schema.Types == JsonTypes.Any && !schema.IntOrString && !schema.Quantity);
        }

        if (schema.IntOrString)
        {
            return node is ScalarNode { Kind: ScalarKind.Integer or ScalarKind.String };
        }

        // A quantity's text is judged by CheckQuantity, with its own message.
        if (schema.Quantity || schema.Types == JsonTypes.Any)
        {
            return true;
        }

        var type = node switch
        {
            MappingNode => JsonTypes.Object,
            SequenceNode => JsonTypes.Array,
            ScalarNode scalar => TypeOf(scalar),
            _ => JsonTypes.Any,
        };
        return (schema.Types & type) != 0;
    }

    private static JsonTypes TypeOf(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Boolean => JsonTypes.Boolean,
        ScalarKind.Integer => JsonTypes.Integer,
        ScalarKind.Float => JsonTypes.Number,
        _ => JsonTypes.String,
    };

    private void CheckCombinators(Node node, SchemaNode schema, Node? parentKey)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Check(node, part, parentKey);
        }

        if (schema.AnyOf is { } anyOf)
        {
            CheckAlternatives(node, anyOf, "anyOf", parentKey);
        }

        if (schema.OneOf is { } oneOf)
        {
            CheckAlternatives(node, oneOf, "oneOf", parentKey);
        }

        if (schema.Not is { } not && Try(node, not, parentKey).Count == 0)
        {
            Violation(node, $"{PathText()} must not match the schema under \"not\", but does");
        }
    }

    /// <summary>
    /// anyOf (at least one alternative matches) or oneOf (exactly one does). When none matches, the findings
    /// of the one alternative of the value's type are the most telling; with no such alternative, the types
    /// the alternatives allow.
    /// </summary>
    private void CheckAlternatives(Node node, IReadOnlyList<SchemaNode> alternatives, string keyword, Node? parentKey)
    {
        var results = new List<SchemaFinding>[alternatives.Count];
        var matches = 0;
        for (var i = 0; i < alternatives.Count; i++)
        {
            results[i] = Try(node, alternatives[i], parentKey);
            matches += results[i].Count == 0 ? 1 : 0;
        }

        if (matches == 1 || (matches > 1 && keyword == "anyOf"))
        {
            return;
        }

        if (matches > 1)
        {
            Violation(node, $"{PathText()} must match exactly one of the schemas under \"oneOf\", but matches {matches}");
            return;
        }

        var fitting = Enumerable.Range(0, alternatives.Count).Where(i => Fits(node, alternatives[i].Resolve())).ToArray();
        if (fitting.Length == 1)
        {
            _findings.AddRange(results[fitting[0]]);
        }
        else if (fitting.Length == 0)
        {
            var expected = string.Join(" or ", alternatives.Select(a => Expected(a.Resolve())).Distinct(StringComparer.Ordinal));
            Violation(node, $"{PathText()} must be {expected}, but is {Describe(node)}");
        }
        else
        {
            var reasons = string.Join("; or ", fitting.Select(i => results[i][0].Message));
            Violation(node, $"{PathText()} matches none of the schemas under \"{keyword}\": {reasons}");
        }
    }

    /// <summary>The findings <paramref name="schema"/> has about the value, kept apart from the report.</summary>
    private List<SchemaFinding> Try(Node node, SchemaNode schema, Node? parentKey)
    {
        var report = _findings;
        _findings = [];
        Check(node, schema, parentKey);
        var findings = _findings;
        _findings = report;
        return findings;
    }

    private void CheckMapping(MappingNode mapping, SchemaNode schema, Node? parentKey)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } key)
            {
                continue;
            }

            _path.Add(new PathSegment(key, -1));
            if (schema.Properties is not null && schema.Properties.TryGetValue(key, out var property))
            {
                Check(entry.Value, property, entry.Key);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(entry.Value, additional, entry.Key);
            }
            else if (!schema.AllowsUnknownFields)
            {
                _findings.Add(new SchemaFinding(SchemaFindingKind.UnknownField, entry.Key, UnknownFieldMessage(key, schema.Properties)));
            }

            _path.RemoveAt(_path.Count - 1);
        }

        foreach (var required in schema.Required)
        {
            if (!mapping.TryGetEntry(required, out _))
            {
                _path.Add(new PathSegment(required, -1));
                Violation(parentKey ?? mapping, $"{PathText()} is required, but missing");
                _path.RemoveAt(_path.Count - 1);
            }
        }
    }

    private void CheckSequence(SequenceNode sequence, SchemaNode schema)
    {
        if (schema.MinItems is { } minItems && sequence.Count < minItems)
        {
            Violation(sequence, $"{PathText()} must have at least {Count(minItems, "item")}, but has {sequence.Count}");
        }

        if (schema.MaxItems is { } maxItems && sequence.Count > maxItems)
        {
            Violation(sequence, $"{PathText()} must have at most {Count(maxItems, "item")}, but has {sequence.Count}");
        }

        if (schema.Items is not { } items)
        {
            return;
        }

        for (var i = 0; i < sequence.Count; i++)
        {
            _path.Add(new PathSegment(null, i));
            Check(sequence.Items[i], items, parentKey: null);
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void CheckScalar(ScalarNode scalar, SchemaNode schema)
    {
        var type = TypeOf(scalar);
        if (schema.Enum is { } allowed && !allowed.Contains(scalar.Value, StringComparer.Ordinal))
        {
            var choices = allowed.Count == 1 ? $"\"{allowed[0]}\"" : $"one of {string.Join(", ", allowed.Select(v => '"' + v + '"'))}";
            Violation(scalar, $"{PathText()} must be {choices}, but is {Describe(scalar)}");
            return;
        }

        if (type == JsonTypes.String)
        {
            CheckString(scalar, schema);
        }
        else if (type is JsonTypes.Integer or JsonTypes.Number)
        {
            CheckNumber(scalar, schema);
        }
    }

    private void CheckString(ScalarNode scalar, SchemaNode schema)
    {
        var text = scalar.Value;
        var problem = schema.Format switch
        {
            "byte" when !IsBase64(text) => "base64-encoded data (put plain text under stringData instead)",
            "date-time" when !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "a date and time such as 2024-01-31T12:00:00Z",
            _ => null,
        };
        if (problem is null && schema.MinLength is { } minLength && text.Length < minLength)
        {
            problem = $"at least {Count(minLength, "character")} long";
        }

        if (problem is null && schema.MaxLength is { } maxLength && text.Length > maxLength)
        {
            problem = $"at most {Count(maxLength, "character")} long";
        }

        if (problem is null && schema.Pattern is { } pattern && !MatchesPattern(pattern, text))
        {
            problem = $"a string matching {pattern}";
        }

        if (problem is not null)
        {
            Violation(scalar, $"{PathText()} must be {problem}, but is {Describe(scalar)}");
        }
    }

    private void CheckNumber(ScalarNode scalar, SchemaNode schema)
    {
        if (!scalar.TryGetDouble(out var value))
        {
            return;
        }

        string? problem = null;
        if (schema.Format == "int32" && (value < int.MinValue || value > int.MaxValue))
        {
            problem = "a 32-bit integer";
        }
        else if (schema.Minimum is { } minimum && (schema.ExclusiveMinimum ? value <= minimum : value < minimum))
        {
            problem = (schema.ExclusiveMinimum ? "greater than " : "at least ") + minimum.ToString(CultureInfo.InvariantCulture);
        }
        else if (schema.Maximum is { } maximum && (schema.ExclusiveMaximum ? value >= maximum : value > maximum))
        {
            problem = (schema.ExclusiveMaximum ? "less than " : "at most ") + maximum.ToString(CultureInfo.InvariantCulture);
        }

        if (problem is not null)
        {
            Violation(scalar, $"{PathText()} must be {problem}, but is {scalar.Value}");
        }
    }

    private void CheckQuantity(Node node)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float }:
                return;
            case ScalarNode { Kind: ScalarKind.String } scalar when Quantities.IsValid(scalar.Value.AsSpan()):
                return;
            default:
                Violation(node, $"{PathText()} must be a quantity such as 500m, 1Gi or 2, but is {Describe(node)}");
                return;
        }
    }

    private void Violation(Node at, string message) => _findings.Add(new SchemaFinding(SchemaFindingKind.Violation, at, message));

    private string UnknownFieldMessage(string key, IReadOnlyDictionary<string, SchemaNode>? known)
    {
        var suggestion = known is null ? null : FieldNames.Closest(key, known.Keys);
        var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
        return $"{PathText()} is not a field of {_subject}{hint}";
    }

    private string PathText()
    {
        var text = new StringBuilder();
        foreach (var segment in _path)
        {
            if (segment.Name is null)
            {
                text.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment.Name);
            }
        }

        return text.Length == 0 ? "the object" : text.ToString();
    }

    private static string Expected(SchemaNode schema)
    {
        if (schema.IntOrString)
        {
            return "an integer or a string";
        }

        if (schema.Quantity)
        {
            return "a quantity such as 500m, 1Gi or 2";
        }

        var names = new List<string>(2);
        if ((schema.Types & JsonTypes.Object) != 0)
        {
            names.Add("a mapping");
        }

        if ((schema.Types & JsonTypes.Array) != 0)
        {
            names.Add("a list");
        }

        if ((schema.Types & JsonTypes.String) != 0)
        {
            names.Add("a string");
        }

        if ((schema.Types & JsonTypes.Number) != 0)
        {
            names.Add("a number");
        }
        else if ((schema.Types & JsonTypes.Integer) != 0)
        {
            names.Add("an integer");
        }

        if ((schema.Types & JsonTypes.Boolean) != 0)
        {
            names.Add("a boolean (true or false)");
        }

        if ((schema.Types & JsonTypes.Null) != 0)
        {
            names.Add("null");
        }

        return names.Count == 0 ? "a value" : string.Join(" or ", names);
    }

    private static string Describe(Node node) => node switch
    {
        MappingNode => "a mapping",
        SequenceNode => "a list",
        ScalarNode { Kind: ScalarKind.Null } => "null",
        ScalarNode { Kind: ScalarKind.String } scalar => $"the string \"{Shorten(scalar.Value)}\"",
        ScalarNode scalar => $"the {scalar.ShapeName} {Shorten(scalar.Value)}",
        _ => node.ShapeName,
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static bool IsBase64(string text)
    {
        // Kubernetes decodes standard base64; line breaks are tolerated by its decoder in practice (block scalars).
        var compact = text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        var buffer = new byte[((compact.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(compact, buffer, out _);
    }

    private static bool MatchesPattern(System.Text.RegularExpressions.Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A pattern too slow to decide is not held against the value.
            return true;
        }
    }

    private readonly record struct PathSegment(string? Name, int Index);
}
