using System.Globalization;

namespace Shipshape.Builder.Yaml;

/// <summary>
/// The object tree the builder produces before it is written: mappings keep the order the builder added
/// their keys in (the order kubectl users expect), so the written YAML is deterministic.
/// </summary>
internal abstract class YamlValue;

internal sealed class YamlMap : YamlValue
{
    private readonly List<KeyValuePair<string, YamlValue>> _entries = [];

    public IReadOnlyList<KeyValuePair<string, YamlValue>> Entries => _entries;

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds <paramref name="value"/> unless it is null or an empty mapping or list: unset fields are not written.</summary>
    public YamlMap Add(string key, YamlValue? value)
    {
        return value is null || value is YamlMap { IsEmpty: true } || value is YamlList { IsEmpty: true } ? this : Put(key, value);
    }

    /// <summary>Adds <paramref name="value"/> even when it is empty (<c>emptyDir: {}</c> selects a volume type).</summary>
    public YamlMap Put(string key, YamlValue value)
    {
        _entries.Add(new(key, value));
        return this;
    }

    /// <summary>Replaces the value under <paramref name="key"/> where it stands, or adds it at the end; empty values are kept.</summary>
    public YamlMap Set(string key, YamlValue value)
    {
        var index = _entries.FindIndex(e => e.Key == key);
        if (index < 0)
        {
            return Put(key, value);
        }

        _entries[index] = new(key, value);
        return this;
    }

    /// <summary>A new mapping with the same entries: changing its keys leaves this one as it was.</summary>
    public YamlMap ShallowCopy()
    {
        var copy = new YamlMap();
        copy._entries.AddRange(_entries);
        return copy;
    }

    public YamlValue? this[string key] => _entries.FirstOrDefault(e => e.Key == key).Value;

    public YamlMap Add(string key, string? value) => Add(key, value is null ? null : YamlScalar.String(value));

    public YamlMap Add(string key, long? value) => Add(key, value is null ? null : YamlScalar.Number(value.Value));

    public YamlMap Add(string key, bool? value) => Add(key, value is null ? null : YamlScalar.Boolean(value.Value));

    public YamlMap Add(string key, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new YamlMap();
        foreach (var (name, value) in pairs)
        {
            map.Add(name, value);
        }

        return Add(key, map);
    }
}

internal sealed class YamlList(IEnumerable<YamlValue> items) : YamlValue
{
    public IReadOnlyList<YamlValue> Items { get; } = [.. items];

    public bool IsEmpty => Items.Count == 0;

    public static YamlList Of(IEnumerable<string> items) => new(items.Select(YamlScalar.String));
}

/// <summary>A scalar and what it must read back as: a string is quoted whenever YAML would read it as anything else.</summary>
internal sealed class YamlScalar : YamlValue
{
    private YamlScalar(string text, bool isString)
    {
        Text = text;
        IsString = isString;
    }

    public string Text { get; }

    public bool IsString { get; }

    public static YamlScalar String(string value) => new(value, isString: true);

    public static YamlScalar Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), isString: false);

    public static YamlScalar Boolean(bool value) => new(value ? "true" : "false", isString: false);

    /// <summary>A number, boolean or null written as it was read (<c>0644</c>, <c>1.5</c>, <c>~</c>), so it reads back the same.</summary>
    public static YamlScalar Plain(string text) => new(text, isString: false);
}
