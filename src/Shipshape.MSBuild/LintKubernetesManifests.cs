using Microsoft.Build.Framework;
using Shipshape.Core.Analysis;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.MSBuild;

/// <summary>
/// Lints the project's Kubernetes manifests with the Shipshape engine and logs every finding through MSBuild,
/// so that <c>dotnet build</c> prints <c>path(line,col): error SHIP2005: …</c> and IDEs list it like a compiler
/// error. Findings at or above the fail level are errors and fail the build; the others are warnings or messages.
/// </summary>
public sealed class LintKubernetesManifests : Microsoft.Build.Utilities.Task
{
    /// <summary>The manifests to lint, linted together as one set (cross-resource rules see all of them).</summary>
    [Required]
    public ITaskItem[] Manifests { get; set; } = [];

    // The settings below left empty in the project (MSBuild then never calls their setters) come from the
    // configuration file, and failing that from the engine's defaults.
    private bool? _strict;

    /// <summary>The Kubernetes version to check against, as "1.30"; empty for the configuration's or the newest known.</summary>
    public string? KubernetesVersion { get; set; }

    /// <summary>Fields unknown to the API schema are errors rather than warnings.</summary>
    public bool Strict
    {
        get => _strict ?? false;
        set => _strict = value;
    }

    /// <summary>The <c>.shipshape.yaml</c> to apply; empty for none.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The lowest severity that fails the build: error, warning or info; empty for the configuration's or error.</summary>
    public string? FailLevel { get; set; }

    /// <summary>Warnings fail the build too, as a project's TreatWarningsAsErrors makes compiler warnings do.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>
    /// The project's NoWarn (IDs separated by ';' or ','). MSBuild silences the warnings itself; info findings are
    /// messages, which NoWarn does not reach, so the task leaves out those whose ID is listed, as the compiler does.
    /// </summary>
    public string? NoWarn { get; set; }

    public override bool Execute()
    {
        if (!TryReadProjectSettings(out var kubernetesVersion, out var failLevel) || !TryReadConfiguration(out var configuration, out var isExcluded))
        {
            return false;
        }

        var options = new LintOptions
        {
            KubernetesVersion = kubernetesVersion ?? configuration.KubernetesVersion,
            Limits = configuration.ToLoaderLimits(),
            Rules = configuration.ToRuleSettings([], [], _strict),
        };
        var threshold = failLevel ?? configuration.FailLevel switch
        {
            Core.Configuration.FailLevel.Info => Severity.Info,
            Core.Configuration.FailLevel.Warning => Severity.Warning,
            _ => Severity.Error,
        };
        if (TreatWarningsAsErrors && threshold > Severity.Warning)
        {
            threshold = Severity.Warning;
        }

        // Full paths: MSBuild prints them as given, and a full path is what every IDE and CI log viewer can open.
        // The items come from globs (deploy/**/*.yaml): like a directory walk, they skip files that are not manifests
        // (by name, or holding neither apiVersion nor kind), so a values.yaml in deploy/ never fails the build.
        var inputs = Manifests.Select(item => item.GetMetadata("FullPath"))
            .Where(path => !isExcluded(path) && !KnownNonManifests.IsNonManifestFile(Path.GetFileName(path)))
            .Select(InputSource.FromDiscoveredFile).ToArray();
        LintReport report;
        try
        {
            report = new LintEngine(options).Run(inputs);
        }
        catch (InputException exception)
        {
            Log.LogError(exception.Message);
            return false;
        }

        foreach (var note in report.Notes)
        {
            Log.LogMessage(MessageImportance.High, "Shipshape: " + note);
        }

        var silenced = new HashSet<string>(
            (NoWarn ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.OrdinalIgnoreCase);
        foreach (var diagnostic in report.Active)
        {
            LogFinding(diagnostic, threshold, silenced);
        }

        Log.LogMessage(
            MessageImportance.Low,
            $"Shipshape linted {report.Summary.Files} manifest file(s) for Kubernetes {report.KubernetesVersion}: " +
            $"{report.Summary.Errors} error(s), {report.Summary.Warnings} warning(s), {report.Summary.Suppressed} suppressed.");
        return !Log.HasLoggedErrors;
    }

    /// <summary>ShipshapeKubernetesVersion and ShipshapeFailLevel, checked; null for each left empty.</summary>
    private bool TryReadProjectSettings(out string? kubernetesVersion, out Severity? failLevel)
    {
        kubernetesVersion = string.IsNullOrWhiteSpace(KubernetesVersion) ? null : KubernetesVersion.Trim();
        failLevel = null;
        if (kubernetesVersion is not null && !Core.Schema.KubernetesVersion.TryParse(kubernetesVersion, out _))
        {
            Log.LogError($"ShipshapeKubernetesVersion is '{KubernetesVersion}'; set it to a version like 1.30, or leave it empty for the newest known.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(FailLevel))
        {
            return true;
        }

        if (!SeverityNames.TryParse(FailLevel, out var parsed))
        {
            Log.LogError($"ShipshapeFailLevel is '{FailLevel}'; set it to error, warning or info.");
            return false;
        }

        failLevel = parsed;
        return true;
    }

    /// <summary>
    /// Reads <see cref="ConfigFile"/> (ShipshapeConfig, or the <c>.shipshape.yaml</c> found above the project), whose
    /// settings the project's override; <see cref="ShipshapeConfiguration.Empty"/> when there is none.
    /// </summary>
    private bool TryReadConfiguration(out ShipshapeConfiguration configuration, out Func<string, bool> isExcluded)
    {
        configuration = ShipshapeConfiguration.Empty;
        isExcluded = _ => false;
        if (string.IsNullOrWhiteSpace(ConfigFile))
        {
            return true;
        }

        if (!File.Exists(ConfigFile))
        {
            Log.LogError($"ShipshapeConfig names '{ConfigFile}', which does not exist; fix the path or leave the property empty.");
            return false;
        }

        try
        {
            configuration = ConfigurationReader.Load(ConfigFile);
        }
        catch (InputException exception)
        {
            Log.LogError(exception.Message);
            return false;
        }

        isExcluded = configuration.ExclusionFilter(ConfigFile);
        return true;
    }

    private void LogFinding(Diagnostic diagnostic, Severity threshold, HashSet<string> silenced)
    {
        var descriptor = diagnostic.Descriptor;
        var span = diagnostic.Span;

        // End positions are left out on purpose: with them MSBuild prints "file(line,col,endLine,endCol)", which
        // GitHub's dotnet problem matcher and many log viewers do not recognise; "file(line,col)" is what csc prints.
        if (diagnostic.Severity >= threshold)
        {
            Log.LogError(null, descriptor.Id, descriptor.Id, descriptor.HelpLink, diagnostic.FilePath, span.Line, span.Column, 0, 0, diagnostic.Message);
        }
        else if (diagnostic.Severity == Severity.Warning)
        {
            Log.LogWarning(null, descriptor.Id, descriptor.Id, descriptor.HelpLink, diagnostic.FilePath, span.Line, span.Column, 0, 0, diagnostic.Message);
        }
        else if (!silenced.Contains(descriptor.Id))
        {
            Log.LogMessage(null, descriptor.Id, descriptor.Id, diagnostic.FilePath, span.Line, span.Column, 0, 0, MessageImportance.High, diagnostic.Message);
        }
    }
}
