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

    /// <summary>
    /// Reads schemas/api-lifecycle.json token by token, where the binary keeps it: every run that checks an object
    /// reads the table, and a JsonDocument would rent and fill a buffer twelve times the file's size first.
    /// </summary>
    private static Dictionary<(string, string), ApiLifecycleEntry> Load()
    {
        var reader = new Utf8JsonReader(EmbeddedData.Get("schemas/api-lifecycle.json"));
        var entries = new Dictionary<(string, string), ApiLifecycleEntry>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (Expect(ref reader, JsonTokenType.PropertyName, JsonTokenType.EndObject) == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("apis"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray);
            while (Expect(ref reader, JsonTokenType.StartObject, JsonTokenType.EndArray) == JsonTokenType.StartObject)
            {
                var entry = ReadEntry(ref reader);
                entries[(entry.ApiVersion, entry.Kind)] = entry;
            }
        }

        return entries;
    }

    private static ApiLifecycleEntry ReadEntry(ref Utf8JsonReader reader)
    {
        string? apiVersion = null, kind = null, replacement = null, replacementKind = null, notes = null;
        KubernetesVersion? deprecatedIn = null, removedIn = null;
        while (Expect(ref reader, JsonTokenType.PropertyName, JsonTokenType.EndObject) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("deprecatedIn"u8))
            {
                deprecatedIn = ReadVersion(ref reader);
                continue;
            }

            if (reader.ValueTextEquals("removedIn"u8))
            {
                removedIn = ReadVersion(ref reader);
                continue;
            }

            ref var field = ref apiVersion;
            if (reader.ValueTextEquals("kind"u8))
            {
                field = ref kind;
            }
            else if (reader.ValueTextEquals("replacement"u8))
            {
                field = ref replacement;
            }
            else if (reader.ValueTextEquals("replacementKind"u8))
            {
                field = ref replacementKind;
            }
            else if (reader.ValueTextEquals("notes"u8))
            {
                field = ref notes;
            }
            else if (!reader.ValueTextEquals("apiVersion"u8))
            {
                throw Malformed($"an entry has the unknown field {reader.GetString()}");
            }

            reader.Read();
            field = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }

        return new ApiLifecycleEntry(
            ApiVersion: apiVersion ?? throw Malformed("an entry has no apiVersion"),
            Kind: kind ?? throw Malformed("an entry has no kind"),
            DeprecatedIn: deprecatedIn ?? throw Malformed("an entry has no deprecatedIn"),
            RemovedIn: removedIn,
            Replacement: replacement,
            ReplacementKind: replacementKind,
            Notes: notes);
    }

    /// <summary>
    /// Reads the value after a property name: a version such as "1.22", or null. Parsed from the bytes, without a
    /// string for each of the table's hundred versions.
    /// </summary>
    private static KubernetesVersion? ReadVersion(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Span<char> text = stackalloc char[16];
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > text.Length
            || !KubernetesVersion.TryParse(text.Slice(0, reader.CopyString(text)), out var version))
        {
            throw Malformed($"a version at byte {reader.TokenStartIndex} is not like 1.30");
        }

        return version;
    }

    /// <summary>Reads the next token, which must be one of <paramref name="expected"/> and <paramref name="orElse"/>.</summary>
    private static JsonTokenType Expect(ref Utf8JsonReader reader, JsonTokenType expected, JsonTokenType? orElse = null)
    {
        if (!reader.Read() || (reader.TokenType != expected && reader.TokenType != orElse))
        {
            throw Malformed($"expected {expected} at byte {reader.TokenStartIndex}");
        }

        return reader.TokenType;
    }

    // The file is the build's own data, checked by tests; a broken one is a build mistake, not a user's.
    private static InvalidOperationException Malformed(string why) => new($"The embedded schemas/api-lifecycle.json is malformed: {why}.");
}
