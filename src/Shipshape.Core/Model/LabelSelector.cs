using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>One <c>matchExpressions</c> term: key, operator (In, NotIn, Exists, DoesNotExist) and values.</summary>
public sealed record SelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values, MappingNode Node)
{
    /// <summary>Whether the term holds for <paramref name="labels"/>; an unknown operator never holds.</summary>
    public bool Matches(LabelMap labels)
    {
        var present = labels.TryGetValue(Key, out var label);
        return Operator switch
        {
            "In" => present && Values.Contains(label.Value),
            "NotIn" => !present || !Values.Contains(label.Value),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }

    public string Describe() => Operator switch
    {
        "Exists" => Key,
        "DoesNotExist" => "!" + Key,
        "In" => $"{Key} in ({string.Join(",", Values)})",
        "NotIn" => $"{Key} notin ({string.Join(",", Values)})",
        _ => $"{Key} {Operator} ({string.Join(",", Values)})",
    };
}

/// <summary>
/// A label selector: either a workload's <c>matchLabels</c> + <c>matchExpressions</c>, or the plain map
/// that Services and ReplicationControllers use.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(Node node, LabelMap matchLabels, IReadOnlyList<SelectorRequirement> matchExpressions)
    {
        Node = node;
        MatchLabels = matchLabels;
        MatchExpressions = matchExpressions;
    }

    public Node Node { get; }

    public LabelMap MatchLabels { get; }

    public IReadOnlyList<SelectorRequirement> MatchExpressions { get; }

    /// <summary>An empty selector: for a workload it selects everything, for a Service it means "no selector".</summary>
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;

    public bool Matches(LabelMap labels)
    {
        foreach (var required in MatchLabels.Entries)
        {
            if (labels[required.Key] != required.Value)
            {
                return false;
            }
        }

        foreach (var expression in MatchExpressions)
        {
            if (!expression.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public string Describe()
    {
        var terms = MatchLabels.Entries.Select(e => $"{e.Key}={e.Value}").Concat(MatchExpressions.Select(e => e.Describe()));
        return string.Join(", ", terms);
    }

    /// <summary>Reads a <c>metav1.LabelSelector</c> (matchLabels / matchExpressions).</summary>
    public static LabelSelector? FromStructured(Node? node)
    {
        if (node is not MappingNode mapping)
        {
            return null;
        }

        var expressions = new List<SelectorRequirement>();
        if (mapping.Sequence("matchExpressions") is { } sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (item is MappingNode term && term.Text("key") is { } key && term.Text("operator") is { } op)
                {
                    var values = term.Sequence("values")?.Scalars.Select(v => v.Value).ToArray() ?? [];
                    expressions.Add(new SelectorRequirement(key, op, values, term));
                }
            }
        }

        return new LabelSelector(mapping, LabelMap.From(mapping["matchLabels"]), expressions);
    }

    /// <summary>Reads a plain map selector (Service, ReplicationController).</summary>
    public static LabelSelector? FromMap(Node? node) =>
        node is MappingNode mapping ? new LabelSelector(mapping, LabelMap.From(mapping), []) : null;
}
