using System.Text.RegularExpressions;

namespace Shipshape.Core.Schema;

/// <summary>The JSON types a schema allows; <see cref="Any"/> when it says nothing about the type.</summary>
[Flags]
internal enum JsonTypes
{
    Any = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Integer = 8,
    Number = 16,
    Boolean = 32,
    Null = 64,
}

/// <summary>
/// One schema compiled for validation: the OpenAPI and JSON Schema keywords Kubernetes schemas use, read once into fields so that
/// validating a node is field reads and dictionary lookups. Built by <see cref="SchemaCompiler"/>; immutable
/// afterwards and shared between threads.
/// </summary>
internal sealed record SchemaNode
{
    /// <summary>Accepts every value.</summary>
    public static SchemaNode Any { get; } = new() { NullAllowed = true, AllowsUnknownFields = true };

    /// <summary>Set for a <c>$ref</c>: the definition to validate against instead of this node.</summary>
    public DefinitionReference? Reference { get; init; }

    public JsonTypes Types { get; init; }

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The schema of every field not in <see cref="Properties"/> (a map's values), or null.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary>Fields outside <see cref="Properties"/> are kept rather than unknown: free-form objects, preserve-unknown-fields.</summary>
    public bool AllowsUnknownFields { get; init; }

    public SchemaNode? Items { get; init; }

    /// <summary>The allowed values (<c>enum</c>, or <c>const</c> as one value), as their text: strings unquoted, other values as JSON.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    public string? Format { get; init; }

    /// <summary>An integer or a string (IntOrString: ports, maxSurge).</summary>
    public bool IntOrString { get; init; }

    /// <summary>A resource.Quantity: a number, or a string such as 500m or 1Gi.</summary>
    public bool Quantity { get; init; }

    /// <summary>
    /// Null is accepted. Built-in objects decode null as "not set", so it is allowed for every built-in field;
    /// a custom resource's schema allows it only with <c>nullable: true</c>.
    /// </summary>
    public bool NullAllowed { get; init; }

    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public Regex? Pattern { get; init; }

    /// <summary><c>allOf</c>: schemas the value must also match.</summary>
    public IReadOnlyList<SchemaNode>? AllOf { get; init; }

    /// <summary><c>anyOf</c>: schemas of which the value must match at least one.</summary>
    public IReadOnlyList<SchemaNode>? AnyOf { get; init; }

    /// <summary><c>oneOf</c>: schemas of which the value must match exactly one.</summary>
    public IReadOnlyList<SchemaNode>? OneOf { get; init; }

    /// <summary><c>not</c>: a schema the value must not match.</summary>
    public SchemaNode? Not { get; init; }

    public bool HasCombinators => AllOf is not null || AnyOf is not null || OneOf is not null || Not is not null;

    /// <summary>This node, or the definition it refers to (followed through chains of references).</summary>
    public SchemaNode Resolve()
    {
        var node = this;
        for (var depth = 0; node.Reference is { } reference && depth < 16; depth++)
        {
            node = reference.Schema;
        }

        return node.Reference is null ? node : Any;
    }
}

/// <summary>A <c>$ref</c> to a named definition, compiled the first time a value is validated against it (definitions refer to each other in cycles).</summary>
internal sealed class DefinitionReference(string name, Func<string, SchemaNode> compile)
{
    private SchemaNode? _schema;

    public string Name { get; } = name;

    public SchemaNode Schema => _schema ??= compile(Name);
}
