using Shipshape.Core.Syntax;

namespace Shipshape.Core.Model;

/// <summary>Reading boolean switches such as <c>privileged: true</c> from a mapping that may be missing.</summary>
public static class Fields
{
    /// <summary>The value node of <paramref name="key"/> when it is the boolean <paramref name="expected"/>, else null.</summary>
    public static ScalarNode? Flag(this MappingNode? mapping, string key, bool expected) =>
        mapping?.Scalar(key) is { } node && node.TryGetBoolean(out var value) && value == expected ? node : null;

    /// <summary>True when <paramref name="mapping"/> holds <paramref name="key"/> with a value other than null: the field is set.</summary>
    public static bool Sets(this MappingNode? mapping, string key) => mapping?[key] is { } value && value is not ScalarNode { IsNull: true };

    /// <summary>The scalar items of a list under <paramref name="key"/> (e.g. capabilities), or none.</summary>
    public static IEnumerable<ScalarNode> Scalars(this MappingNode? mapping, string key) =>
        mapping?.Sequence(key)?.Scalars ?? [];
}
