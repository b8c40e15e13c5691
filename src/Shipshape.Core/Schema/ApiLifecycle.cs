using System.Text.Json;

namespace Shipshape.Core.Schema;

/// <summary>When a built-in apiVersion/kind was deprecated and removed, and what replaces it (schemas/api-lifecycle.json).</summary>
public sealed record ApiLifecycleEntry(
    string ApiVersion,
    string Kind,
    KubernetesVersion DeprecatedIn,
    KubernetesVersion? RemovedIn,
    string? Replacement,
    string? ReplacementKind,
    string? Notes)
{
    public bool IsRemovedIn(KubernetesVersion target) => RemovedIn is { } removed && target >= removed;

    public bool IsDeprecatedIn(KubernetesVersion target) => target >= DeprecatedIn && !IsRemovedIn(target);
}

/// <summary>The deprecation and removal facts of the built-in APIs, read once from the embedded data file.</summary>
public static class ApiLifecycle
{
    private static readonly Lazy<Dictionary<(string ApiVersion, string Kind), ApiLifecycleEntry>> Entries = new(Load);

    public static IReadOnlyCollection<ApiLifecycleEntry> All => Entries.Value.Values;

    public static ApiLifecycleEntry? Find(string apiVersion, string kind) =>
        Entries.Value.TryGetValue((apiVersion, kind), out var entry) ? entry : null;

    /// <summary>
    /// What to migrate <paramref name="entry"/> to for <paramref name="target"/>: its replacement, followed along
    /// the chain (flowcontrol v1beta1 → v1beta3 → v1) to the newest one <paramref name="serves"/> says the target
    /// serves; when none is known to be served, the first one not removed in the target. Null when there is none.
    /// </summary>
    public static GroupVersionKind? ReplacementFor(ApiLifecycleEntry entry, KubernetesVersion target, Func<GroupVersionKind, bool> serves)
    {
        GroupVersionKind? firstNotRemoved = null;
        GroupVersionKind? newestServed = null;
        var current = entry;
        for (var steps = 0; current.Replacement is { } replacement && steps < 10; steps++)
        {
            var candidate = GroupVersionKind.From(replacement, current.ReplacementKind ?? current.Kind);
            var next = Find(candidate.ApiVersion, candidate.Kind);
            if (next is null || !next.IsRemovedIn(target))
            {
                firstNotRemoved ??= candidate;
                if (serves(candidate))
                {
                    newestServed = candidate;
                }
            }

            if (next is null)
            {
                break;
            }

            current = next;
        }

        return newestServed ?? firstNotRemoved;
    }

    private static Dictionary<(string, string), ApiLifecycleEntry> Load()
    {
        using var document = JsonDocument.Parse(EmbeddedSchemas.ReadResource("schemas/api-lifecycle.json"));
        var entries = new Dictionary<(string, string), ApiLifecycleEntry>();
        foreach (var api in document.RootElement.GetProperty("apis").EnumerateArray())
        {
            var entry = new ApiLifecycleEntry(
                ApiVersion: api.GetProperty("apiVersion").GetString()!,
                Kind: api.GetProperty("kind").GetString()!,
                DeprecatedIn: KubernetesVersion.Parse(api.GetProperty("deprecatedIn").GetString()!),
                RemovedIn: OptionalText(api, "removedIn") is { } removed ? KubernetesVersion.Parse(removed) : null,
                Replacement: OptionalText(api, "replacement"),
                ReplacementKind: OptionalText(api, "replacementKind"),
                Notes: OptionalText(api, "notes"));
            entries[(entry.ApiVersion, entry.Kind)] = entry;
        }

        return entries;
    }

    private static string? OptionalText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
