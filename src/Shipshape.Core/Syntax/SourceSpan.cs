namespace Shipshape.Core.Syntax;

/// <summary>
/// Where a node sits in its file: 1-based line and column of its first character, and the
/// 1-based line and column just past its last character (the SARIF convention for regions).
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The span used when nothing more precise is known: the start of the file.</summary>
    public static SourceSpan FileStart { get; } = new(1, 1, 1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
