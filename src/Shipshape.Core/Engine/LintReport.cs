using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;

namespace Shipshape.Core.Engine;

/// <summary>Counts for the report's summary.</summary>
public sealed record LintSummary(int Files, int Documents, int Resources, int Errors, int Warnings, int Infos, int Suppressed)
{
    /// <summary>Files a directory walk met that are not Kubernetes manifests (by name, or by content: no apiVersion and no kind).</summary>
    public int SkippedFiles { get; init; }
}

/// <summary>The result of a run: every finding (suppressed ones included, marked), sorted, and the counts.</summary>
public sealed record LintReport(string KubernetesVersion, IReadOnlyList<Diagnostic> Diagnostics, LintSummary Summary, IReadOnlyList<string> Notes)
{
    /// <summary>The findings that stand (not suppressed), in report order.</summary>
    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => !d.IsSuppressed);

    /// <summary>Every file read, in input order, with the objects found in it (for reports that list clean objects too).</summary>
    public IReadOnlyList<LintedFile> Files { get; init; } = [];

    /// <summary>
    /// The report with the files a directory walk found to be no manifests counted as skipped rather than linted: those
    /// skipped by name, and each found file that gave neither an object nor a finding. Notes of the walk come first.
    /// </summary>
    public LintReport WithDiscovery(CollectedInputs collected)
    {
        var withFindings = new HashSet<string>(Diagnostics.Select(d => d.FilePath), StringComparer.Ordinal);
        var skippedByContent = 0;
        for (var i = 0; i < collected.Inputs.Count && i < Files.Count; i++)
        {
            if (collected.Inputs[i].IsDiscovered && Files[i].Objects.Count == 0 && !withFindings.Contains(Files[i].Path))
            {
                skippedByContent++;
            }
        }

        return this with
        {
            Summary = Summary with { Files = Summary.Files - skippedByContent, SkippedFiles = collected.SkippedByName + skippedByContent },
            Notes = [.. collected.Notes, .. Notes],
        };
    }

    /// <summary>True when the run found no object and no finding: nothing it was given was a Kubernetes manifest.</summary>
    public bool FoundNoManifest => Summary.Resources == 0 && Diagnostics.Count == 0;

    /// <summary>The worst severity among the findings that stand, or null when there are none.</summary>
    public Severity? WorstSeverity => Active.Select(d => (Severity?)d.Severity).Max();
}

/// <summary>A file that was linted and the objects read from it, in document order.</summary>
public sealed record LintedFile(string Path, IReadOnlyList<ResourceIdentity> Objects);
