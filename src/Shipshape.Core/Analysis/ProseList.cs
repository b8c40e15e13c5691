namespace Shipshape.Core.Analysis;

/// <summary>Lists in messages, written as a person writes them: "a", "a and b", "a, b and c".</summary>
public static class ProseList
{
    /// <summary>The items joined with commas and a final "and"; <paramref name="items"/> has at least one.</summary>
    public static string JoinWithAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
}
