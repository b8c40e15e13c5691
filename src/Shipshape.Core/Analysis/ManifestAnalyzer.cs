namespace Shipshape.Core.Analysis;

/// <summary>
/// A rule, in the Roslyn style: it declares the descriptors it can report and, in <see cref="Initialize"/>,
/// registers for the kinds of objects it cares about, for every pod spec, or for the whole set of objects.
/// </summary>
public abstract class ManifestAnalyzer
{
    public abstract IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public abstract void Initialize(AnalysisContext context);
}
