using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema.Cel;

/// <summary>
/// A YAML value as the CEL value the API server gives a rule: mappings are maps (objects with properties as with
/// additionalProperties), sequences lists, scalars by their schema — an integer literal where the schema says
/// <c>number</c> is a double, an int-or-string is an int or a string as written — else by their YAML type.
/// </summary>
internal static class CelYamlValues
{
    /// <summary>The value of an object's root: its metadata shows only name and generateName, as the API server gives it to rules.</summary>
    public static object FromRoot(MappingNode root, SchemaNode? schema)
    {
        var map = (CelMap)From(root, schema);
        if (root["metadata"] is MappingNode metadata)
        {
            var visible = new CelMap();
            foreach (var field in new[] { "name", "generateName" })
            {
                if (metadata[field] is ScalarNode { IsNull: false } value)
                {
                    visible.Add(field, value.Value);
                }
            }

            var trimmed = new CelMap();
            foreach (var key in map.Keys)
            {
                map.TryGet(key, out var value);
                trimmed.Add(key, Equals(key, "metadata") ? visible : value);
            }

            return trimmed;
        }

        return map;
    }

    public static object From(Node node, SchemaNode? schema)
    {
        schema = schema?.Resolve();
        switch (node)
        {
            case MappingNode mapping:
                var map = new CelMap();
                foreach (var entry in mapping.Entries)
                {
                    if (entry.KeyText is { } key && !map.TryGet(key, out _))
                    {
                        map.Add(key, From(entry.Value, FieldSchema(schema, key)));
                    }
                }

                return map;
            case SequenceNode sequence:
                var items = new List<object>(sequence.Items.Count);
                foreach (var item in sequence.Items)
                {
                    items.Add(From(item, schema?.Items));
                }

                return items;
            case ScalarNode scalar:
                return Scalar(scalar, schema);
            default:
                return CelNull.Instance;
        }
    }

    private static SchemaNode? FieldSchema(SchemaNode? schema, string key) =>
        schema?.Properties is { } properties && properties.TryGetValue(key, out var property) ? property : schema?.AdditionalProperties;

    private static object Scalar(ScalarNode scalar, SchemaNode? schema)
    {
        var wantsString = schema is { IntOrString: false, Types: JsonTypes.String };
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                return CelNull.Instance;
            case ScalarKind.Boolean when !wantsString && scalar.TryGetBoolean(out var flag):
                return flag;
            case ScalarKind.Integer when !wantsString && scalar.TryGetInt64(out var integer):
                return schema is { Types: JsonTypes.Number } ? (object)(double)integer : integer;
            case ScalarKind.Float when !wantsString && scalar.TryGetDouble(out var number):
                return number;
            default:
                return scalar.Value;
        }
    }
}
