using System.Text.Json;
using Shipshape.Core.Schema.JsonSchema;

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
/// One schema compiled for validation: the OpenAPI keywords, JSON Schema draft-04 and draft-07 validation keywords and
/// the structural-schema extensions of CRDs, read once into fields so that
/// validating a node is field reads and dictionary lookups. Built by <see cref="SchemaCompiler"/>; immutable
/// afterwards and shared between threads.
/// </summary>
internal sealed record SchemaNode
{
    /// <summary>Accepts every value.</summary>
    public static SchemaNode Any { get; } = new() { NullAllowed = true, NullIsUnset = true, AllowsUnknownFields = true };

    /// <summary>Accepts no value: the boolean schema <c>false</c>.</summary>
    public static SchemaNode Nothing { get; } = new() { RejectsAll = true };

    public bool RejectsAll { get; init; }

    /// <summary>Set for a <c>$ref</c>: the definition to validate against instead of this node.</summary>
    public DefinitionReference? Reference { get; init; }

    public JsonTypes Types { get; init; }

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>The schema of every field not in <see cref="Properties"/> (a map's values), or null.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary>Fields outside <see cref="Properties"/> are kept rather than unknown: free-form objects, preserve-unknown-fields.</summary>
    public bool AllowsUnknownFields { get; init; }

    /// <summary><c>patternProperties</c>: fields whose names match a pattern, and their schema.</summary>
    public IReadOnlyList<(SchemaPattern Pattern, SchemaNode Schema)>? PatternProperties { get; init; }

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    /// <summary><c>dependencies</c>: when a field is present, further fields it needs (property dependencies) or a schema the whole object must match.</summary>
    public IReadOnlyList<(string Field, IReadOnlyList<string>? Fields, SchemaNode? Schema)>? Dependencies { get; init; }

    /// <summary><c>propertyNames</c>: a schema every field name (as a string) must match.</summary>
    public SchemaNode? PropertyNames { get; init; }

    /// <summary><c>items</c> given as one schema: the schema of every item.</summary>
    public SchemaNode? Items { get; init; }

    /// <summary><c>items</c> given as a list: the schema of each item by position; <see cref="AdditionalItems"/> covers the rest.</summary>
    public IReadOnlyList<SchemaNode>? ItemsByPosition { get; init; }

    public SchemaNode? AdditionalItems { get; init; }

    public bool UniqueItems { get; init; }

    /// <summary><c>contains</c>: a schema at least one item must match.</summary>
    public SchemaNode? Contains { get; init; }

    /// <summary><c>x-kubernetes-list-type: set</c> (items unique) or <c>map</c> (items unique by <see cref="ListMapKeys"/>).</summary>
    public string? ListType { get; init; }

    public IReadOnlyList<string>? ListMapKeys { get; init; }

    /// <summary>The allowed values (<c>enum</c>, or <c>const</c> as one value), compared as JSON values.</summary>
    public IReadOnlyList<JsonElement>? Enum { get; init; }

    /// <summary>The values came from <c>const</c>, which messages name differently.</summary>
    public bool IsConst { get; init; }

    /// <summary>A number with no fraction is an integer (JSON Schema); built-in and CRD schemas, decoded by Go, want integer syntax.</summary>
    public bool WholeNumbersAreIntegers { get; init; }

    public JsonNumber? MultipleOf { get; init; }

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

    /// <summary>Null means "not set" (built-in objects): no other keyword applies to it, not even <c>enum</c>.</summary>
    public bool NullIsUnset { get; init; }

    public double? Minimum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public double? Maximum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public SchemaPattern? Pattern { get; init; }

    /// <summary><c>allOf</c>: schemas the value must also match.</summary>
    public IReadOnlyList<SchemaNode>? AllOf { get; init; }

    /// <summary><c>anyOf</c>: schemas of which the value must match at least one.</summary>
    public IReadOnlyList<SchemaNode>? AnyOf { get; init; }

    /// <summary><c>oneOf</c>: schemas of which the value must match exactly one.</summary>
    public IReadOnlyList<SchemaNode>? OneOf { get; init; }

    /// <summary><c>not</c>: a schema the value must not match.</summary>
    public SchemaNode? Not { get; init; }

    /// <summary><c>if</c>/<c>then</c>/<c>else</c>: when the value matches <see cref="If"/>, it must match <see cref="Then"/>, else <see cref="Else"/>.</summary>
    public SchemaNode? If { get; init; }

    public SchemaNode? Then { get; init; }

    public SchemaNode? Else { get; init; }

    /// <summary>The <c>x-kubernetes-validations</c> rules a linter can evaluate here (compiled, not transition rules), or null.</summary>
    public Cel.CelValidationRule[]? ValidationRules { get; init; }

    /// <summary>Keywords that apply more schemas to the same value (and so may loop back to this one through a <c>$ref</c>).</summary>
    public bool HasCombinators => AllOf is not null || AnyOf is not null || OneOf is not null || Not is not null || If is not null;

    /// <summary>Validating a value may apply another schema to that same value (and so loop back here through a <c>$ref</c>).</summary>
    public bool AppliesMoreSchemas => HasCombinators || Dependencies is not null;

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
