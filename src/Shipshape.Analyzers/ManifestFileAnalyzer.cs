using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Rules;
using EngineDescriptor = Shipshape.Core.Analysis.DiagnosticDescriptor;
using EngineDiagnostic = Shipshape.Core.Analysis.Diagnostic;

namespace Shipshape.Analyzers;

/// <summary>
/// Lints the Kubernetes manifests of a C# project, given as <c>&lt;AdditionalFiles Include="k8s/**/*.yaml" /&gt;</c>,
/// with the Shipshape engine (the CLI's rules and IDs), so they get squiggles in the IDE and warnings in the build
/// without any build task. A <c>.shipshape.yaml</c> among the AdditionalFiles configures the engine as it does the CLI.
/// </summary>
/// <remarks>
/// Cross-resource rules need the whole set: a Service whose pods are declared in another file must not get SHIP2002.
/// So the engine runs once per compilation over every manifest (lazily, on the first file analyzed), and each
/// file's additional-file action reports that file's share of the result. Per-file actions, rather than one
/// compilation-end action, keep the findings live in the IDE, which runs compilation-end actions only in full
/// solution analysis.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestFileAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors =
        RuleCatalog.Descriptors.ToImmutableDictionary(d => d.Id, ToRoslyn, StringComparer.Ordinal);

    /// <summary>
    /// One descriptor per engine rule, so <c>dotnet_diagnostic.SHIPnnnn.severity</c> configures manifest findings.
    /// Roslyn keys everything by ID (severity options, pragma and NoWarn, the check that a reported ID is supported),
    /// so the builder analyzers' descriptors for the same IDs (SHIP2005, ...) do not conflict with these: one option
    /// governs a rule in builder code and in manifests alike.
    /// </summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [.. Descriptors.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var manifests = start.Options.AdditionalFiles.Where(IsManifest).ToImmutableArray();
            if (manifests.IsEmpty)
            {
                return;
            }

            var report = new Lazy<ILookup<string, EngineDiagnostic>>(
                () => Lint(manifests, start.Options.AdditionalFiles, start.Compilation.Options, start.CancellationToken));
            start.RegisterAdditionalFileAction(file =>
            {
                if (IsManifest(file.AdditionalFile))
                {
                    Report(file, report.Value[file.AdditionalFile.Path]);
                }
            });
        });
    }

    private static bool IsManifest(AdditionalText file) =>
        (file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !string.Equals(Path.GetFileName(file.Path), ConfigurationReader.FileName, StringComparison.OrdinalIgnoreCase);

    private static ILookup<string, EngineDiagnostic> Lint(
        ImmutableArray<AdditionalText> manifests, ImmutableArray<AdditionalText> allFiles, CompilationOptions compilation, CancellationToken cancellation)
    {
        var configuration = ReadConfiguration(allFiles, cancellation);
        var inputs = manifests
            .Select(file => InputSource.FromText(file.Path, file.GetText(cancellation)?.ToString() ?? string.Empty))
            .ToArray();
        var options = new LintOptions
        {
            Rules = RuleSettings(configuration, compilation, cancellation),
            KubernetesVersion = configuration.KubernetesVersion,
            Limits = configuration.ToLoaderLimits(),
            // The host already analyzes files and projects concurrently.
            Threads = 1,
        };
        return new LintEngine(options).Run(inputs).Active.ToLookup(d => d.FilePath, StringComparer.Ordinal);
    }

    /// <summary>The first <c>.shipshape.yaml</c> among the AdditionalFiles, or the defaults.</summary>
    private static ShipshapeConfiguration ReadConfiguration(ImmutableArray<AdditionalText> files, CancellationToken cancellation)
    {
        var file = files.FirstOrDefault(f => string.Equals(Path.GetFileName(f.Path), ConfigurationReader.FileName, StringComparison.OrdinalIgnoreCase));
        if (file?.GetText(cancellation) is not { } text)
        {
            return ShipshapeConfiguration.Empty;
        }

        try
        {
            return ConfigurationReader.Parse(file.Path, text.ToString());
        }
        catch (InputException)
        {
            // The CLI and the build task report an unusable configuration; inside the IDE the manifests are still
            // worth linting, with the defaults.
            return ShipshapeConfiguration.Empty;
        }
    }

    /// <summary>
    /// The configuration's rule levels, then the compiler's own options (global AnalyzerConfig files, NoWarn,
    /// WarningsAsErrors): a rule turned off there is not run, and one turned on there runs even if it is off by default.
    /// </summary>
    private static Core.Analysis.RuleSettings RuleSettings(ShipshapeConfiguration configuration, CompilationOptions compilation, CancellationToken cancellation)
    {
        var enable = new List<string>();
        var disable = new List<string>();
        foreach (var id in Descriptors.Keys)
        {
            if (!compilation.SpecificDiagnosticOptions.TryGetValue(id, out var option)
                && compilation.SyntaxTreeOptionsProvider?.TryGetGlobalDiagnosticValue(id, cancellation, out option) != true)
            {
                continue;
            }

            if (option != ReportDiagnostic.Default)
            {
                (option == ReportDiagnostic.Suppress ? disable : enable).Add(id);
            }
        }

        return configuration.ToRuleSettings(enable, disable);
    }

    private static void Report(AdditionalFileAnalysisContext context, IEnumerable<EngineDiagnostic> findings)
    {
        if (context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var finding in findings)
        {
            var descriptor = Descriptors[finding.Id];
            var severity = EngineRules.ToRoslyn(finding.Severity);
            // Reported with the severity the engine settled on (the configuration's, else the rule's default);
            // the compiler's severity options still apply on top, as for any diagnostic.
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor.Id,
                descriptor.Category,
                finding.Message,
                severity,
                descriptor.DefaultSeverity,
                isEnabledByDefault: true,
                warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
                title: descriptor.Title,
                description: descriptor.Description,
                helpLink: descriptor.HelpLinkUri,
                location: Locate(context.AdditionalFile.Path, text, finding.Span)));
        }
    }

    /// <summary>The engine's 1-based, end-exclusive line and column span as a location in the file (0-based).</summary>
    private static Location Locate(string path, SourceText text, Core.Syntax.SourceSpan span)
    {
        var start = Position(text, span.Line, span.Column);
        var end = Position(text, span.EndLine, span.EndColumn);
        if (end < start)
        {
            end = start;
        }

        var lines = new LinePositionSpan(start, end);
        return Location.Create(path, text.Lines.GetTextSpan(lines), lines);
    }

    /// <summary>A 1-based line and column, clamped into the text so that a span at the very end stays valid.</summary>
    private static LinePosition Position(SourceText text, int line, int column)
    {
        var lineIndex = Math.Min(Math.Max(line - 1, 0), text.Lines.Count - 1);
        var length = text.Lines[lineIndex].Span.Length;
        return new LinePosition(lineIndex, Math.Min(Math.Max(column - 1, 0), length));
    }

    private static DiagnosticDescriptor ToRoslyn(EngineDescriptor rule) => new(
        id: rule.Id,
        title: rule.Title,
        messageFormat: rule.MessageFormat,
        category: rule.Category,
        defaultSeverity: EngineRules.ToRoslyn(rule.DefaultSeverity),
        isEnabledByDefault: rule.IsEnabledByDefault,
        description: rule.Description,
        helpLinkUri: rule.HelpLink);
}
