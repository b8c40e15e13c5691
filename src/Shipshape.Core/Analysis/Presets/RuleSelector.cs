using Shipshape.Core.Rules;

namespace Shipshape.Core.Analysis.Presets;

/// <summary>
/// What <c>rules:</c> keys and <c>--enable</c>/<c>--disable</c> values name: one rule (<c>SHIP3003</c>), the rules whose
/// IDs start with a prefix (<c>SHIP3*</c>, <c>SHIP40*</c>; <c>*</c> alone is every rule), or a category
/// (<c>security</c>). Where selectors overlap, the more specific one wins, whatever their order: an ID over a
/// wildcard, a longer prefix over a shorter one, a wildcard over a category.
/// </summary>
public sealed class RuleSelector
{
    /// <summary>The category names selectors take, lower case, as <see cref="RuleCategory"/> spells them.</summary>
    public static IReadOnlyList<string> CategoryNames { get; } = ["input", "schema", "consistency", "security", "reliability"];

    /// <summary>How a selector's kind is said in messages; lists what <see cref="TryParse"/> accepts.</summary>
    public const string Expected = "a rule ID (SHIP3003), a wildcard (SHIP3*) or a category (input, schema, consistency, security, reliability)";

    private const int CategorySpecificity = 0;
    private const int IdSpecificity = int.MaxValue;

    private RuleSelector(string text, IReadOnlyList<DiagnosticDescriptor> rules, int specificity)
    {
        Text = text;
        Rules = rules;
        Specificity = specificity;
    }

    /// <summary>The selector as written, normalised: IDs and wildcards upper case, categories lower case.</summary>
    public string Text { get; }

    /// <summary>The rules it selects, never none.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Rules { get; }

    /// <summary>Higher is more specific and applies later, so it wins.</summary>
    public int Specificity { get; }

    /// <summary>Reads a selector; false for text that names no rule (an unknown ID, a wildcard matching nothing).</summary>
    public static bool TryParse(string? text, out RuleSelector selector)
    {
        selector = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return false;
        }

        var category = CategoryNames.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
        if (category is not null)
        {
            var inCategory = RuleCatalog.Descriptors.Where(d => string.Equals(d.Category, category, StringComparison.OrdinalIgnoreCase)).ToArray();
            selector = new RuleSelector(category, inCategory, CategorySpecificity);
            return inCategory.Length > 0;
        }

        var upper = trimmed.ToUpperInvariant();
        if (upper.IndexOf('*') is var star and >= 0)
        {
            // Only a trailing * is a wildcard; "SHIP*3" names nothing.
            var prefix = upper.Substring(0, star);
            var matches = RuleCatalog.Descriptors.Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            selector = new RuleSelector(upper, matches, CategorySpecificity + 1 + prefix.Length);
            return star == upper.Length - 1 && matches.Length > 0;
        }

        if (RuleCatalog.Find(upper) is { } rule)
        {
            selector = new RuleSelector(rule.Id, [rule], IdSpecificity);
            return true;
        }

        return false;
    }

    public override string ToString() => Text;
}
