using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>
/// The fields set with <c>.Set(path, value)</c> on a builder, written over what its typed methods produce, in
/// the order they were set: a field the builder writes is replaced where it stands, any other is added.
/// </summary>
internal sealed class FieldOverrides
{
    private readonly List<(string[] Path, YamlValue Value)> _fields = [];

    /// <summary>Sets the field at a dotted path (<c>spec.template.spec.affinity</c>), relative to the builder's object.</summary>
    public void Set(string path, FieldValue value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        var segments = path.Split('.');
        if (segments.Any(s => s.Length == 0))
        {
            throw new ArgumentException($"The field path '{path}' has an empty segment; write field names separated by single dots, such as \"spec.minReadySeconds\".", nameof(path));
        }

        Set(segments, value.Value);
    }

    /// <summary>Sets the field at <paramref name="path"/>, whose keys may hold dots (annotation keys do).</summary>
    public void Set(string[] path, YamlValue value) => _fields.Add((path, value));

    public void ApplyTo(YamlMap root)
    {
        foreach (var (path, value) in _fields)
        {
            var parent = root;
            foreach (var key in path[..^1])
            {
                // Copied before it is changed: the mapping may be a value set earlier, which later writes must leave as it was.
                var child = parent[key] is YamlMap existing ? existing.ShallowCopy() : new YamlMap();
                parent.Set(key, child);
                parent = child;
            }

            parent.Set(path[^1], value);
        }
    }
}
