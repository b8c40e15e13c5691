using System.Globalization;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// A rule that failed on a value: the node to report, the fieldPath's text when it named one, and what to say —
/// the rule's message, or, when <paramref name="Unchecked"/>, why the rule could not be evaluated.
/// </summary>
internal readonly record struct CelRuleFailure(Node At, string? FieldPath, string Message, bool Unchecked = false);

/// <summary>
/// Evaluates the <c>x-kubernetes-validations</c> rules of the schema nodes of one object, with <c>self</c> bound to
/// the value at the node, as the API server does: each rule within its own cost limit, all of them within the
/// object's total. One checker per validated object.
/// </summary>
internal sealed class CelRuleChecker
{
    /// <summary>The API server's cost budget for all the rules of one object (RuntimeCELCostBudget).</summary>
    public const long ObjectBudget = 10_000_000;

    private long _spent;
    private bool _objectBudgetReported;

    /// <param name="parentKey">The key of the field holding <paramref name="node"/>, where a failure of the whole value is reported.</param>
    /// <param name="isRoot">The node is the object itself (whose metadata rules see only in part).</param>
    public void Check(Node node, Node? parentKey, bool isRoot, SchemaNode schema, CelValidationRule[] rules, List<CelRuleFailure> failures)
    {
        var self = isRoot && node is MappingNode root ? CelYamlValues.FromRoot(root, schema) : CelYamlValues.From(node, schema);
        var variables = new[] { ("self", self) };
        foreach (var rule in rules)
        {
            var at = parentKey is not null && node is not ScalarNode ? parentKey : node;
            var left = ObjectBudget - _spent;
            if (left <= 0)
            {
                if (!_objectBudgetReported)
                {
                    _objectBudgetReported = true;
                    failures.Add(Unchecked(at, $"could not be checked by the rule '{Shorten(rule.Text)}': the object's rules together exceed the cost budget the API server allows an object ({ObjectBudget.ToString("N0", CultureInfo.InvariantCulture)})"));
                }

                return;
            }

            var budget = Math.Min(CelProgram.DefaultBudget, left);
            try
            {
                var result = rule.Program.Evaluate(variables, budget, out var cost);
                _spent += cost;
                if (result is true)
                {
                    continue;
                }

                if (result is not false)
                {
                    failures.Add(Unchecked(at, $"could not be checked by the rule '{Shorten(rule.Text)}': it gives {CelOperations.TypeName(result)}, not a bool"));
                    continue;
                }

                var (target, fieldPath) = FieldTarget(node, rule.FieldPath);
                failures.Add(new CelRuleFailure(target ?? at, target is null ? null : fieldPath, $"{MessageOf(rule, variables)} (rule '{Shorten(rule.Text)}')"));
            }
            catch (CelError error)
            {
                _spent += budget / 100;
                failures.Add(Unchecked(at, $"could not be checked by the rule '{Shorten(rule.Text)}': {error.Message}"));
            }
            catch (CelCostExceeded)
            {
                _spent += budget;
                failures.Add(Unchecked(at, $"could not be checked by the rule '{Shorten(rule.Text)}': evaluating it exceeds the cost budget the API server allows a rule ({budget.ToString("N0", CultureInfo.InvariantCulture)})"));
            }
        }
    }

    private static CelRuleFailure Unchecked(Node at, string message) => new(at, null, message, Unchecked: true);

    /// <summary>The rule's message: messageExpression's string when it gives a non-blank one, else message, else the API server's default.</summary>
    private string MessageOf(CelValidationRule rule, (string, object)[] variables)
    {
        if (rule.MessageExpression is { } expression)
        {
            try
            {
                var left = Math.Max(0, Math.Min(CelProgram.DefaultBudget, ObjectBudget - _spent));
                var text = expression.Evaluate(variables, left, out var cost);
                _spent += cost;
                if (text is string message && !string.IsNullOrWhiteSpace(message))
                {
                    return message;
                }
            }
            catch (Exception exception) when (exception is CelError or CelCostExceeded)
            {
                // The API server falls back to message when messageExpression fails, and says nothing more about it.
            }
        }

        return string.IsNullOrWhiteSpace(rule.Message) ? $"failed rule: {Shorten(rule.Text)}" : rule.Message!;
    }

    /// <summary>The node <c>fieldPath</c> names below <paramref name="node"/>: a scalar itself, a mapping or list by its key; null when it is not there.</summary>
    private static (Node? Target, string? Text) FieldTarget(Node node, IReadOnlyList<string>? fieldPath)
    {
        if (fieldPath is null)
        {
            return (null, null);
        }

        Node current = node;
        Node? key = null;
        foreach (var name in fieldPath)
        {
            if (current is not MappingNode mapping || !mapping.TryGetEntry(name, out var entry))
            {
                return (null, null);
            }

            key = entry.Key;
            current = entry.Value;
        }

        var text = string.Concat(fieldPath.Select(name => name.Contains('.') || name.Contains('/') ? $"['{name}']" : "." + name));
        return (current is ScalarNode ? current : key, text);
    }

    private static string Shorten(string text)
    {
        var oneLine = string.Join(" ", text.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
        return oneLine.Length <= 100 ? oneLine : oneLine[..97] + "...";
    }
}
