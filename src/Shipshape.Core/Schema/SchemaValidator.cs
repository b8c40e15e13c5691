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
    private readonly List<PathSegment> _path = [];
    private readonly List<SchemaFinding> _findings;
    private readonly string _subject;

    /// <param name="subject">What the schema describes, for unknown-field messages: "apps/v1 Deployment".</param>
    private SchemaValidator(string subject, List<SchemaFinding> findings)
    {
        _subject = subject;
        _findings = findings;
    }

    public static void Validate(MappingNode root, SchemaNode schema, string subject, List<SchemaFinding> findings) =>
        new SchemaValidator(subject, findings).Check(root, schema, parentKey: null);

    private void Check(Node node, SchemaNode schema, Node? parentKey)
    {
        schema = schema.Resolve();
        if (node is ScalarNode { IsNull: true })
        {
            if (!schema.NullAllowed && (schema.Types != JsonTypes.Any || schema.IntOrString || schema.Quantity))
            {
                Violation(node, $"{PathText()} must be {Expected(schema)}, but is null");
            }

            return;
        }

        if (schema.IntOrString)
        {
            if (node is not ScalarNode { Kind: ScalarKind.Integer or ScalarKind.String })
            {
                Violation(node, $"{PathText()} must be an integer or a string, but is {Describe(node)}");
            }

            return;
        }

        if (schema.Quantity)
        {
            CheckQuantity(node);
            return;
        }

        switch (node)
        {
            case MappingNode mapping:
                if (schema.Types != JsonTypes.Any && (schema.Types & JsonTypes.Object) == 0)
                {
                    Violation(node, $"{PathText()} must be {Expected(schema)}, but is a mapping");
                    return;
                }

                CheckMapping(mapping, schema, parentKey);
                break;
            case SequenceNode sequence:
                if (schema.Types != JsonTypes.Any && (schema.Types & JsonTypes.Array) == 0)
                {
                    Violation(node, $"{PathText()} must be {Expected(schema)}, but is a list");
                    return;
                }

                CheckSequence(sequence, schema);
                break;
            case ScalarNode scalar:
                CheckScalar(scalar, schema);
                break;
        }
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
        var type = scalar.Kind switch
        {
            ScalarKind.Boolean => JsonTypes.Boolean,
            ScalarKind.Integer => JsonTypes.Integer,
            ScalarKind.Float => JsonTypes.Number,
            _ => JsonTypes.String,
        };
        if (schema.Types != JsonTypes.Any && (schema.Types & type) == 0)
        {
            var hint = schema.Types == JsonTypes.String && scalar.IsPlain ? $" (write \"{scalar.Value}\" in quotes)" : string.Empty;
            Violation(scalar, $"{PathText()} must be {Expected(schema)}, but is {Describe(scalar)}{hint}");
            return;
        }

        if (schema.Enum is { } allowed && !allowed.Contains(scalar.Value, StringComparer.Ordinal))
        {
            Violation(scalar, $"{PathText()} must be one of {string.Join(", ", allowed.Select(v => '"' + v + '"'))}, but is {Describe(scalar)}");
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
