using Shipshape.Core.Analysis;
using System.Globalization;
using System.Text;
using Shipshape.Core.Schema.Cel;
using Shipshape.Core.Schema.JsonSchema;
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

    // Combinators that branch at every level can still take exponential time without looping (anyOf of two
    // alternatives that both descend into the same child); checks made under a combinator are counted, and an
    // object that needs more than this many is reported once and left unfinished. Real schemas need a few hundred.
    private const int MaxCombinatorSteps = 1_000_000;

    private readonly List<PathSegment> _path = [];
    private int _combinatorDepth;
    private int _combinatorSteps;
    // Values found of a type their schema does not allow, so far; x-kubernetes-validations rules above them are not run.
    private int _typeMismatches;
    private CelRuleChecker? _rules;
    // The values being checked against a schema that applies more schemas to them, so that a $ref back to the same
    // schema for the same value ends (as a match) instead of recursing; and what each alternative tried found.
    private HashSet<(Node, SchemaNode)>? _active;
    private Dictionary<(Node, SchemaNode), List<SchemaFinding>>? _tried;
    // Swapped for a scratch list while an alternative of anyOf/oneOf/not is tried.
    private List<SchemaFinding> _findings;
    private readonly string _subject;

    /// <param name="subject">What the schema describes, for unknown-field messages: "apps/v1 Deployment".</param>
    private SchemaValidator(string subject, List<SchemaFinding> findings)
    {
        _subject = subject;
        _findings = findings;
    }

    public static void Validate(Node root, SchemaNode schema, string subject, List<SchemaFinding> findings)
    {
        var start = findings.Count;
        new SchemaValidator(subject, findings).Check(root, schema, holder: null);
        if (findings.Count - start > 1)
        {
            // allOf's schemas may each say the same thing about a value (two of them requiring one field).
            // By place, not node: a plain key's node is made anew for each finding about it (see MappingEntry.Key).
            var seen = new HashSet<(SourceSpan, string)>();
            var index = start;
            findings.RemoveAll(finding => index++ >= start && !seen.Add((finding.At.Span, finding.Message)));
        }
    }

    /// <param name="holder">The mapping entry whose value <paramref name="node"/> is, or null: findings about a whole mapping go to its key.</param>
    private void Check(Node node, SchemaNode schema, MappingEntry? holder)
    {
        schema = schema.Resolve();
        if (_combinatorDepth > 0 && ++_combinatorSteps >= MaxCombinatorSteps)
        {
            if (_combinatorSteps == MaxCombinatorSteps)
            {
                Violation(node, $"{PathText()} could not be checked: its schema's allOf/anyOf/oneOf need more than {MaxCombinatorSteps.ToString("N0", CultureInfo.InvariantCulture)} steps for this object; simplify the schema");
            }

            return;
        }

        if (schema.RejectsAll)
        {
            Violation(node, $"{PathText()} is not allowed here: the schema for it is false");
            return;
        }

        if (schema.AppliesMoreSchemas)
        {
            _findings.AddRange(Try(node, schema, holder));
        }
        else
        {
            CheckValue(node, schema, holder);
        }
    }

    /// <summary>Checks the schema's own keywords; false when the value is not even of an allowed type (then nothing else is said about it).</summary>
    private bool CheckValue(Node node, SchemaNode schema, MappingEntry? holder)
    {
        if (!Fits(node, schema))
        {
            var hint = schema.Types == JsonTypes.String && node is ScalarNode { IsPlain: true, IsNull: false } plain ? $" (write \"{plain.Value}\" in quotes)" : string.Empty;
            Violation(node, $"{PathText()} must be {Expected(schema)}, but is {Describe(node)}{hint}");
            _typeMismatches++;
            return false;
        }

        if (schema.ValidationRules is not { } rules || _combinatorDepth > 0)
        {
            CheckKeywords(node, schema, holder);
            return true;
        }

        // As the API server, rules see only values of the types their schema gives: after a type mismatch below, CEL
        // would compare a string with an int. (It skips the object's rules then; here only those above the mismatch.)
        var mismatches = _typeMismatches;
        CheckKeywords(node, schema, holder);
        if (_typeMismatches == mismatches && node is not ScalarNode { IsNull: true })
        {
            CheckRules(node, schema, rules, holder);
        }

        return true;
    }

    /// <summary>The schema's keywords, for a value of a type it allows.</summary>
    private void CheckKeywords(Node node, SchemaNode schema, MappingEntry? holder)
    {
        var isNull = node is ScalarNode { IsNull: true };
        if (isNull && schema.NullIsUnset)
        {
            return;
        }

        if (schema.Enum is { } allowed && !IsOneOf(node, allowed))
        {
            var choices = allowed.Count == 1 ? Show(allowed[0]) : $"one of {string.Join(", ", allowed.Select(Show))}";
            Violation(node, $"{PathText()} must be {choices}, but is {Describe(node)}");
            return;
        }

        if (isNull || schema.IntOrString)
        {
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
                CheckMapping(mapping, schema, holder);
                break;
            case SequenceNode sequence:
                CheckSequence(sequence, schema);
                break;
            case ScalarNode scalar:
                CheckScalar(scalar, schema);
                break;
        }
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
            ScalarNode { Kind: ScalarKind.Float } scalar when schema.WholeNumbersAreIntegers && JsonNumber.From(scalar) is { IsWhole: true } => JsonTypes.Number | JsonTypes.Integer,
            ScalarNode scalar => TypeOf(scalar),
            _ => JsonTypes.Any,
        };
        return (schema.Types & type) != 0;
    }

    private static bool IsOneOf(Node node, IReadOnlyList<System.Text.Json.JsonElement> allowed)
    {
        foreach (var value in allowed)
        {
            if (JsonValues.Equal(node, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An allowed value for a message: a string in quotes, anything else as JSON.</summary>
    private static string Show(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.String ? $"\"{Shorten(value.GetString()!)}\"" : Shorten(value.GetRawText());

    private static JsonTypes TypeOf(ScalarNode scalar) => scalar.Kind switch
    {
        ScalarKind.Boolean => JsonTypes.Boolean,
        ScalarKind.Integer => JsonTypes.Integer,
        ScalarKind.Float => JsonTypes.Number,
        _ => JsonTypes.String,
    };

    private void CheckCombinators(Node node, SchemaNode schema, MappingEntry? holder)
    {
        foreach (var part in schema.AllOf ?? [])
        {
            Check(node, part, holder);
        }

        if (schema.AnyOf is { } anyOf)
        {
            CheckAlternatives(node, anyOf, "anyOf", holder);
        }

        if (schema.OneOf is { } oneOf)
        {
            CheckAlternatives(node, oneOf, "oneOf", holder);
        }

        if (schema.Not is { } not && Try(node, not, holder).Count == 0)
        {
            Violation(node, $"{PathText()} must not match the schema under \"not\", but does");
        }

        if (schema.If is { } condition)
        {
            var branch = Try(node, condition, holder).Count == 0 ? schema.Then : schema.Else;
            if (branch is not null)
            {
                Check(node, branch, holder);
            }
        }
    }

    /// <summary>
    /// anyOf (at least one alternative matches) or oneOf (exactly one does). When none matches, the findings
    /// of the one alternative of the value's type are the most telling; with no such alternative, the types
    /// the alternatives allow.
    /// </summary>
    private void CheckAlternatives(Node node, IReadOnlyList<SchemaNode> alternatives, string keyword, MappingEntry? holder)
    {
        var results = new List<SchemaFinding>[alternatives.Count];
        var matches = 0;
        for (var i = 0; i < alternatives.Count; i++)
        {
            results[i] = Try(node, alternatives[i], holder);
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
    /// <remarks>
    /// A node is always reached by the same path, so what a schema finds about it is the same every time: remembered,
    /// so that alternatives nested in alternatives do not multiply the work. A schema that is already being applied to
    /// the same node further up (a <c>$ref</c> back to itself) adds nothing there: the check ends instead of recursing.
    /// </remarks>
    private List<SchemaFinding> Try(Node node, SchemaNode schema, MappingEntry? holder)
    {
        schema = schema.Resolve();
        _tried ??= [];
        if (_tried.TryGetValue((node, schema), out var known))
        {
            return known;
        }

        _active ??= [];
        if (!_active.Add((node, schema)))
        {
            return [];
        }

        var report = _findings;
        _findings = [];
        if (!schema.AppliesMoreSchemas)
        {
            Check(node, schema, holder);
        }
        else if (CheckValue(node, schema, holder) && schema.HasCombinators && _combinatorDepth < MaxCombinatorDepth)
        {
            _combinatorDepth++;
            CheckCombinators(node, schema, holder);
            _combinatorDepth--;
        }

        var findings = _findings;
        _findings = report;
        _active.Remove((node, schema));
        _tried[(node, schema)] = findings;
        return findings;
    }

    private void CheckMapping(MappingNode mapping, SchemaNode schema, MappingEntry? holder)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } key)
            {
                continue;
            }

            _path.Add(new PathSegment(key, -1));
            var known = false;
            if (schema.Properties is not null && schema.Properties.TryGetValue(key, out var property))
            {
                Check(entry.Value, property, entry);
                known = true;
            }

            if (schema.PatternProperties is { } patterns)
            {
                for (var i = 0; i < patterns.Count; i++)
                {
                    if (Matches(patterns[i].Pattern, key, entry.Key))
                    {
                        Check(entry.Value, patterns[i].Schema, entry);
                        known = true;
                    }
                }
            }

            // A field that properties or patternProperties cover is neither additional nor unknown.
            if (!known && schema.AdditionalProperties is { } additional)
            {
                Check(entry.Value, additional, entry);
            }
            else if (!known && !schema.AllowsUnknownFields)
            {
                _findings.Add(new SchemaFinding(SchemaFindingKind.UnknownField, entry.Key, UnknownFieldMessage(key, schema.Properties)));
            }

            if (schema.PropertyNames is { } names)
            {
                // A field name is a string whatever YAML would make of it (a key 1 is the name "1").
                Check(new ScalarNode(key, isPlain: false, entry.KeySpan, tag: null), names, entry);
            }

            _path.RemoveAt(_path.Count - 1);
        }

        if (schema.MinProperties is { } minProperties && mapping.Count < minProperties)
        {
            Violation(holder?.Key ?? mapping, $"{PathText()} must have at least {Count(minProperties, "field")}, but has {mapping.Count}");
        }

        if (schema.MaxProperties is { } maxProperties && mapping.Count > maxProperties)
        {
            Violation(holder?.Key ?? mapping, $"{PathText()} must have at most {Count(maxProperties, "field")}, but has {mapping.Count}");
        }

        foreach (var required in schema.Required)
        {
            if (!mapping.TryGetEntry(required, out _))
            {
                _path.Add(new PathSegment(required, -1));
                Violation(holder?.Key ?? mapping, $"{PathText()} is required, but missing");
                _path.RemoveAt(_path.Count - 1);
            }
        }

        if (schema.Dependencies is { } dependencies)
        {
            CheckDependencies(mapping, dependencies, holder);
        }
    }

    private void CheckDependencies(MappingNode mapping, IReadOnlyList<(string Field, IReadOnlyList<string>? Fields, SchemaNode? Schema)> dependencies, MappingEntry? holder)
    {
        foreach (var (field, fields, dependency) in dependencies)
        {
            if (!mapping.TryGetEntry(field, out _))
            {
                continue;
            }

            if (dependency is not null)
            {
                Check(mapping, dependency, holder);
            }

            foreach (var needed in fields ?? [])
            {
                if (!mapping.TryGetEntry(needed, out _))
                {
                    _path.Add(new PathSegment(needed, -1));
                    Violation(holder?.Key ?? mapping, $"{PathText()} is required when {field} is set, but missing");
                    _path.RemoveAt(_path.Count - 1);
                }
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

        for (var i = 0; i < sequence.Count; i++)
        {
            var itemSchema = schema.ItemsByPosition is { } byPosition
                ? (i < byPosition.Count ? byPosition[i] : schema.AdditionalItems)
                : schema.Items;
            if (itemSchema is not null)
            {
                _path.Add(new PathSegment(null, i));
                Check(sequence.Items[i], itemSchema, holder: null);
                _path.RemoveAt(_path.Count - 1);
            }
        }

        if (schema.ListType == "map" && schema.ListMapKeys is { Count: > 0 } keys)
        {
            CheckUnique(sequence, new ListMapKeyComparer(keys), $"the same {string.Join(", ", keys)} as");
        }
        else if (schema.UniqueItems || schema.ListType == "set")
        {
            CheckUnique(sequence, JsonValueComparer.Instance, "the same value as");
        }

        if (schema.Contains is { } contains && !AnyItemMatches(sequence, contains))
        {
            Violation(sequence, $"{PathText()} must contain an item that matches the schema under \"contains\", but none does");
        }
    }

    /// <summary>Reports each item equal to an earlier one, at the later item; hashing keeps it linear for long lists.</summary>
    private void CheckUnique(SequenceNode sequence, IEqualityComparer<Node> comparer, string sameness)
    {
        if (sequence.Count < 2)
        {
            return;
        }

        var first = new Dictionary<Node, int>(comparer);
        for (var i = 0; i < sequence.Count; i++)
        {
            if (first.TryGetValue(sequence.Items[i], out var earlier))
            {
                _path.Add(new PathSegment(null, i));
                Violation(sequence.Items[i], $"{PathText()} has {sameness} item [{earlier}]; the items of this list must be unique");
                _path.RemoveAt(_path.Count - 1);
            }
            else
            {
                first[sequence.Items[i]] = i;
            }
        }
    }

    private bool AnyItemMatches(SequenceNode sequence, SchemaNode schema)
    {
        for (var i = 0; i < sequence.Count; i++)
        {
            _path.Add(new PathSegment(null, i));
            var matches = Try(sequence.Items[i], schema, holder: null).Count == 0;
            _path.RemoveAt(_path.Count - 1);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private void CheckScalar(ScalarNode scalar, SchemaNode schema)
    {
        var type = TypeOf(scalar);
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
        var problem = schema.Format is { } format ? SchemaFormats.Problem(format, text) : null;
        if (problem is null && (schema.MinLength is not null || schema.MaxLength is not null))
        {
            // JSON Schema counts characters, not UTF-16 units: an emoji is one.
            var length = CodePoints(text);
            if (schema.MinLength is { } minLength && length < minLength)
            {
                problem = $"at least {Count(minLength, "character")} long";
            }
            else if (schema.MaxLength is { } maxLength && length > maxLength)
            {
                problem = $"at most {Count(maxLength, "character")} long";
            }
        }

        if (problem is null && schema.Pattern is { } pattern && !Matches(pattern, text, scalar))
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
        if (JsonNumber.From(scalar) is not { } number)
        {
            return;
        }

        var value = number.Value;
        var problem = schema.Format is { } format ? SchemaFormats.Problem(format, number) : null;
        if (problem is null && schema.MultipleOf is { } divisor && !number.IsMultipleOf(divisor))
        {
            problem = $"a multiple of {divisor}";
        }

        if (problem is null && schema.Minimum is { } minimum && (schema.ExclusiveMinimum ? value <= minimum : value < minimum))
        {
            problem = (schema.ExclusiveMinimum ? "greater than " : "at least ") + minimum.ToString(CultureInfo.InvariantCulture);
        }
        else if (problem is null && schema.Maximum is { } maximum && (schema.ExclusiveMaximum ? value >= maximum : value > maximum))
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

    /// <summary>Evaluates the x-kubernetes-validations rules of <paramref name="schema"/> with <c>self</c> bound to <paramref name="node"/>.</summary>
    private void CheckRules(Node node, SchemaNode schema, CelValidationRule[] rules, MappingEntry? holder)
    {
        var failures = new List<CelRuleFailure>();
        (_rules ??= new CelRuleChecker()).Check(node, holder?.Key, isRoot: _path.Count == 0, schema, rules, failures);
        foreach (var failure in failures)
        {
            var path = failure.FieldPath is null ? PathText() : _path.Count == 0 ? failure.FieldPath.TrimStart('.') : PathText() + failure.FieldPath;
            Violation(failure.At, failure.Unchecked ? $"{path} {failure.Message}" : $"{path}: {failure.Message}");
        }
    }

    private void Violation(Node at, string message) => _findings.Add(new SchemaFinding(SchemaFindingKind.Violation, at, message));

    private string UnknownFieldMessage(string key, IReadOnlyDictionary<string, SchemaNode>? known)
    {
        var suggestion = known is null ? null : Spelling.Closest(key, known.Keys);
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

    private static int CodePoints(string text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether <paramref name="pattern"/> matches <paramref name="text"/>. A pattern that runs out of time is not held
    /// against the value; it is reported once, at the first value it could not decide.
    /// </summary>
    private bool Matches(SchemaPattern pattern, string text, Node at)
    {
        if (pattern.IsMatch(text) is { } matches)
        {
            return matches;
        }

        if (pattern.ClaimTimeoutReport())
        {
            Violation(at, $"{PathText()} could not be checked against the pattern {pattern} in time (it backtracks too much), so no value is checked against it; simplify the pattern");
        }

        return true;
    }

    private readonly record struct PathSegment(string? Name, int Index);

    /// <summary>Items equal as JSON values (uniqueItems, x-kubernetes-list-type: set).</summary>
    private sealed class JsonValueComparer : IEqualityComparer<Node>
    {
        public static JsonValueComparer Instance { get; } = new();

        public bool Equals(Node? x, Node? y) => x is not null && y is not null && JsonValues.Equal(x, y);

        public int GetHashCode(Node obj) => JsonValues.Hash(obj);
    }

    /// <summary>Items with equal values under every key (x-kubernetes-list-type: map); a missing key equals only a missing key.</summary>
    private sealed class ListMapKeyComparer(IReadOnlyList<string> keys) : IEqualityComparer<Node>
    {
        public bool Equals(Node? x, Node? y)
        {
            foreach (var key in keys)
            {
                var (left, right) = (Field(x, key), Field(y, key));
                if (left is null ? right is not null : right is null || !JsonValues.Equal(left, right))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Node obj)
        {
            var hash = 0;
            foreach (var key in keys)
            {
                hash = (hash * 31) + (Field(obj, key) is { } value ? JsonValues.Hash(value) : 1);
            }

            return hash;
        }

        private static Node? Field(Node? item, string key) => (item as MappingNode)?[key];
    }
}
