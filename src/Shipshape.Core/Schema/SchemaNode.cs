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
}

/// <summary>
/// One schema compiled for validation: the OpenAPI keywords Kubernetes uses, read once into fields so that
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
