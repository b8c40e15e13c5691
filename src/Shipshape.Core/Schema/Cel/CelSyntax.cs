namespace Shipshape.Core.Schema.Cel;

/// <summary>A parsed CEL expression. The tree is immutable and shared by every evaluation of its rule.</summary>
internal abstract record CelExpr;

internal sealed record CelLiteral(object Value) : CelExpr;

internal sealed record CelIdent(string Name) : CelExpr;

/// <summary><c>operand.field</c>; <see cref="TestOnly"/> for <c>has(operand.field)</c>; <see cref="Optional"/> for <c>operand.?field</c>.</summary>
internal sealed record CelSelect(CelExpr Operand, string Field, bool TestOnly, bool Optional) : CelExpr;

/// <summary>
/// A function call: <c>f(args)</c> (<see cref="Target"/> null) or <c>target.f(args)</c>. Operators are calls too,
/// named as in cel-go (<c>_+_</c>, <c>_[_]</c>, <c>!_</c>); <c>_&amp;&amp;_</c>, <c>_||_</c> and <c>_?_:_</c> are
/// evaluated lazily by the interpreter.
/// </summary>
internal sealed record CelCall(CelExpr? Target, string Function, CelExpr[] Args) : CelExpr;

/// <summary>A list literal; items whose index is in <see cref="OptionalIndices"/> were written <c>?item</c>.</summary>
internal sealed record CelList(CelExpr[] Items, HashSet<int>? OptionalIndices) : CelExpr;

internal sealed record CelMapEntry(CelExpr Key, CelExpr Value, bool Optional);

internal sealed record CelMapLiteral(CelMapEntry[] Entries) : CelExpr;

internal enum CelMacroKind
{
    All,
    Exists,
    ExistsOne,
    Map,
    Filter,
    Bind,
    OptMap,
    OptFlatMap,
}

/// <summary>
/// A macro that binds a variable: <c>range.all(v, body)</c> and its kin, <c>cel.bind(v, range, body)</c>, and the
/// optional library's <c>optMap</c>/<c>optFlatMap</c>. <see cref="Filter"/> is the predicate of the three-argument <c>map</c>.
/// </summary>
internal sealed record CelMacro(CelMacroKind Kind, CelExpr Range, string Variable, CelExpr Body, CelExpr? Filter) : CelExpr;
