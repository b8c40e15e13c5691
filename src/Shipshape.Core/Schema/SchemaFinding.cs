using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

public enum SchemaFindingKind
{
    /// <summary>A value of the wrong type or format, a missing required field, a value outside its enum or bounds (SHIP1001).</summary>
    Violation,

    /// <summary>A field the schema does not know (SHIP1002).</summary>
    UnknownField,
}

/// <summary>One disagreement between an object and its schema, at the node it is about.</summary>
public readonly record struct SchemaFinding(SchemaFindingKind Kind, Node At, string Message);
