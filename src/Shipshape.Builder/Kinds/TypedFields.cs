using System.Collections;
using System.Globalization;
using Shipshape.Builder.Yaml;

namespace Shipshape.Builder.Kinds;

/// <summary>
/// The fields a typed object has been given, as the values the caller passed: they become YAML when the object is
/// written, so an object passed to a setter and built further afterwards is written as it ends up. Written
/// <c>name</c> first (it says which item of a list this is), then in the spec's order, which is alphabetical.
/// </summary>
internal sealed class TypedFields
{
    private static readonly Comparer<string> FieldOrder = Comparer<string>.Create((left, right) =>
        left == right ? 0 : left == "name" ? -1 : right == "name" ? 1 : string.CompareOrdinal(left, right));

    private readonly SortedList<string, object> _fields = new(FieldOrder);

    /// <summary>Sets field <paramref name="name"/>; null unsets it.</summary>
    public void Set(string name, object? value)
    {
        if (value is null)
        {
            _fields.Remove(name);
        }
        else
        {
            _fields[name] = value;
        }
    }

    /// <summary>Sets entry <paramref name="key"/> of map field <paramref name="name"/>, keeping the entries set before.</summary>
    public void SetEntry(string name, string key, object? value)
    {
        if (!_fields.TryGetValue(name, out var current) || current is not MapEntries entries)
        {
            entries = new MapEntries();
            _fields[name] = entries;
        }

        entries.Set(key, value);
    }

    /// <summary>Replaces map field <paramref name="name"/> with <paramref name="entries"/>.</summary>
    public void SetEntries<T>(string name, IEnumerable<KeyValuePair<string, T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new MapEntries();
        foreach (var (key, value) in entries)
        {
            map.Set(key, value);
        }

        _fields[name] = map;
    }

    /// <summary>Adds every field to <paramref name="map"/>, empty ones too: a field that was set is written (<c>emptyDir: {}</c>).</summary>
    public void WriteTo(YamlMap map)
    {
        foreach (var (name, value) in _fields)
        {
            map.Put(name, ToYaml(value));
        }
    }

    /// <summary>A value as the builder writes it; the types are those the generated setters take, so there is no reflection.</summary>
    private static YamlValue ToYaml(object? value) => value switch
    {
        null => YamlScalar.Plain("null"),
        string text => YamlScalar.String(text),
        int number => YamlScalar.Number(number),
        long number => YamlScalar.Number(number),
        double number => YamlScalar.Plain(number.ToString("R", CultureInfo.InvariantCulture)),
        bool flag => YamlScalar.Boolean(flag),
        IntOrString intOrString => intOrString.ToYaml(),
        Quantity quantity => quantity.ToYaml(),
        FieldValue field => field.Value,
        TypedObject typed => typed.ToYaml(),
        global::Shipshape.Builder.Resource resource => resource.ToYaml(),
        MapEntries entries => entries.ToYaml(),
        IEnumerable items => new YamlList(items.Cast<object?>().Select(ToYaml)),
        _ => throw new ArgumentException($"A typed field cannot hold a {value.GetType().Name}."),
    };

    /// <summary>A map field's entries in the order they were first set.</summary>
    private sealed class MapEntries
    {
        private readonly List<KeyValuePair<string, object>> _entries = [];

        public void Set(string key, object? value)
        {
            ArgumentNullException.ThrowIfNull(key);
            var index = _entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (index >= 0)
                {
                    _entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _entries[index] = new(key, value);
            }
            else
            {
                _entries.Add(new(key, value));
            }
        }

        public YamlMap ToYaml()
        {
            var map = new YamlMap();
            foreach (var (key, value) in _entries)
            {
                map.Put(key, TypedFields.ToYaml(value));
            }

            return map;
        }
    }
}
