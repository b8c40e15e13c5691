namespace Shipshape.Core.Suppression;

/// <summary>
/// The text of one suppression: rule IDs separated by commas or spaces, then optionally <c>-- reason</c>,
/// as written in a <c>shipshape.io/ignore</c> annotation or after a <c># shipshape-disable…</c> directive.
/// <c>all</c> stands for every rule.
/// </summary>
public sealed class SuppressionList
{
    /// <summary>The word that suppresses every rule, upper-cased as IDs are.</summary>
    public const string AllId = "ALL";

    private SuppressionList(IReadOnlyList<(string Id, int Offset)> ids, string? reason)
    {
        Ids = ids;
        Reason = reason;
    }

    /// <summary>Each ID as written (upper-cased) with its offset in the parsed text, for precise warnings.</summary>
    public IReadOnlyList<(string Id, int Offset)> Ids { get; }

    /// <summary>The text after <c>--</c>, trimmed, or null when none was given.</summary>
    public string? Reason { get; }

    /// <summary>The IDs as a set, made on first use when there are many (an annotation may list thousands).</summary>
    private HashSet<string>? _idSet;

    public bool Covers(string ruleId)
    {
        if (Ids.Count > 16)
        {
            _idSet ??= new HashSet<string>(Ids.Select(id => id.Id), StringComparer.Ordinal);
            return _idSet.Contains(ruleId) || _idSet.Contains(AllId);
        }

        foreach (var (id, _) in Ids)
        {
            if (id == ruleId || id == AllId)
            {
                return true;
            }
        }

        return false;
    }

    public static SuppressionList Parse(string text)
    {
        var reasonAt = text.IndexOf("--", StringComparison.Ordinal);
        var idPart = reasonAt >= 0 ? text[..reasonAt] : text;
        string? reason = reasonAt >= 0 ? text[(reasonAt + 2)..].Trim() : null;
        var ids = new List<(string, int)>();
        var start = -1;
        for (var i = 0; i <= idPart.Length; i++)
        {
            var separator = i == idPart.Length || idPart[i] is ',' or ' ' or '\t';
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                ids.Add((idPart[start..i].ToUpperInvariant(), start));
                start = -1;
            }
        }

        return new SuppressionList(ids, string.IsNullOrEmpty(reason) ? null : reason);
    }
}
