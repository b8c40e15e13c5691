using Shipshape.Core.Analysis;

namespace Shipshape.Core.Engine;

/// <summary>Counts for the report's summary.</summary>
public sealed record LintSummary(int Files, int Documents, int Resources, int Errors, int Warnings, int Infos, int Suppressed);

/// <summary>The result of a run: every finding (suppressed ones included, marked), sorted, and the counts.</summary>
public sealed record LintReport(string KubernetesVersion, IReadOnlyList<Diagnostic> Diagnostics, LintSummary Summary, IReadOnlyList<string> Notes)
{
    /// <summary>The findings that stand (not suppressed), in report order.</summary>
    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => !d.IsSuppressed);

    /// <summary>Every file read, in input order, with the objects found in it (for reports that list clean objects too).</summary>
    public IReadOnlyList<LintedFile> Files { get; init; } = [];

    /// <summary>The worst severity among the findings that stand, or null when there are none.</summary>
    public Severity? WorstSeverity => Active.Select(d => (Severity?)d.Severity).Max();
}

/// <summary>A file that was linted and the objects read from it, in document order.</summary>
public sealed record LintedFile(string Path, IReadOnlyList<ResourceIdentity> Objects);
