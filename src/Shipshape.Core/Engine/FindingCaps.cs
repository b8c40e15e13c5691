using Shipshape.Core.Analysis;

namespace Shipshape.Core.Engine;

/// <summary>
/// At most <c>LintOptions.MaxFindingsPerRule</c> findings of one rule in one file: a file with 8,000 syntax errors or a
/// Pod with 400,000 containers would otherwise give a report no one reads, and hold millions of findings in memory.
/// The first findings (in report order) stay; the rest become one finding of the same rule and severity, at the first
/// one left out: "… and 7,900 more SHIP0001 findings in this file". Findings that stand and suppressed ones are
/// capped apart, so the cap never hides a finding that stands behind suppressed ones.
/// </summary>
/// <remarks>
/// Capping is applied to each segment of a large file and again to the joined file: the first findings of the whole
/// file are among the first of its segments, and each summary carries how many it stands for, so the result does not
/// depend on how the file was cut.
/// </remarks>
public static class FindingCaps
{
    /// <summary>The default cap: enough to see what is wrong, small enough to read.</summary>
    public const int DefaultMaxFindingsPerRule = 100;

    /// <summary>The findings of one file with each rule's capped, in report order; the list itself when no rule is over the cap.</summary>
    /// <param name="maxPerRule">The cap; 0 or less for no cap.</param>
    public static List<Diagnostic> Apply(List<Diagnostic> diagnostics, int maxPerRule)
    {
        if (maxPerRule <= 0 || diagnostics.Count <= maxPerRule || !AnyOverCap(diagnostics, maxPerRule))
        {
            return diagnostics;
        }

        var sorted = diagnostics.ToArray();
        Array.Sort(sorted, DiagnosticOrder.Instance);
        var kept = new List<Diagnostic>(diagnostics.Count);
        var overflow = new Dictionary<(string Id, bool Suppressed), Overflow>();
        foreach (var diagnostic in sorted)
        {
            var key = (diagnostic.Id, diagnostic.IsSuppressed);
            if (!overflow.TryGetValue(key, out var state))
            {
                overflow[key] = state = new Overflow();
            }

            if (diagnostic.Omitted == 0 && state.Kept < maxPerRule)
            {
                state.Kept++;
                kept.Add(diagnostic);
                continue;
            }

            // A finding past the cap, or the summary of a segment's: counted in the file's one summary, placed at the first.
            state.First ??= diagnostic;
            state.Omitted += Math.Max(diagnostic.Omitted, 1);
        }

        foreach (var state in overflow.Values)
        {
            if (state.First is { } first)
            {
                // Suppressions are decided by now; the findings summarised may be of several objects.
                kept.Add(Diagnostic.Summarizing(first, state.Omitted, maxPerRule) with { Resource = null, Object = null });
            }
        }

        return kept;
    }

    private static bool AnyOverCap(List<Diagnostic> diagnostics, int maxPerRule)
    {
        var counts = new Dictionary<(string Id, bool Suppressed), int>();
        foreach (var diagnostic in diagnostics)
        {
            var key = (diagnostic.Id, diagnostic.IsSuppressed);
            counts.TryGetValue(key, out var count);
            if (diagnostic.Omitted > 0 || count + 1 > maxPerRule)
            {
                return true;
            }

            counts[key] = count + 1;
        }

        return false;
    }

    private sealed class Overflow
    {
        public int Kept { get; set; }

        public int Omitted { get; set; }

        public Diagnostic? First { get; set; }
    }
}
