using System.CommandLine;
using System.Globalization;
using Shipshape.Cli.Diagnostics;
using Shipshape.Cli.Output;
using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Cli.Commands;

/// <summary><c>shipshape lint [PATH|-]...</c>: the CI entry point.</summary>
public static class LintCommand
{
    /// <summary>The fail level that lints and reports but never fails on findings (the Action offers it too).</summary>
    private const string NeverFail = "none";

    public static Command Create(TextWriter stdout, Func<Stream> openStandardInput)
    {
        var paths = WordList.Variadic(new Argument<string[]>("paths")
        {
            Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        });
        var kubernetesVersion = new Option<string?>("--kubernetes-version", "-k")
        {
            Description = $"Kubernetes version to check against, as X.Y (default: {KubernetesVersions.Default})",
            HelpName = "X.Y",
        };
        var format = ReportWriter.CreateFormatOption();
        var output = ReportWriter.CreateOutputOption();
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when a finding is at or above this severity; none never fails on findings (default: the configuration's failLevel, else error)",
            HelpName = "error|warning|info|none",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "info", NeverFail);
        var threads = new Option<int?>("--threads", "-j")
        {
            Description = "Files analyzed in parallel (default: all cores); the report is identical for any value",
            HelpName = "N",
        };

        var strict = new Option<bool>("--strict")
        {
            Description = "Fields unknown to the API schema (SHIP1002) are errors, unless the configuration sets their severity",
        };
        var schemaLocation = WordList.Repeatable(new Option<string[]>("--schema-location")
        {
            Description = "Directory or path template of JSON schemas in kubeconform's layout, for kinds the embedded schemas lack (repeatable)",
            HelpName = "DIR|TEMPLATE",
        });
        var schemaFile = new Option<string?>("--schema-file")
        {
            Description = "A cluster's OpenAPI document (kubectl get --raw /openapi/v2) to validate against instead of the embedded schemas",
            HelpName = "FILE",
        };

        var config = new Option<string?>("--config", "-c")
        {
            Description = $"Configuration file (default: {Core.Configuration.ConfigurationReader.FileName} found upward from the current directory)",
            HelpName = "FILE",
        };
        var enable = WordList.Repeatable(new Option<string[]>("--enable") { Description = "Turn rules on (repeatable): an ID, a wildcard (SHIP3*) or a category (security); overrides the configuration", HelpName = "ID|WILDCARD|CATEGORY" });
        var disable = WordList.Repeatable(new Option<string[]>("--disable") { Description = "Turn rules off (repeatable): an ID, a wildcard (SHIP3*) or a category (security); overrides the configuration", HelpName = "ID|WILDCARD|CATEGORY" });
        var followSymlinks = new Option<bool>("--follow-symlinks")
        {
            Description = "Follow symbolic links that lead out of the linted directories (by default only links inside them are followed)",
        };

        // Which rules run, and how the text report reads (issue 16).
        var preset = new Option<string?>("--preset")
        {
            Description = "The rules to start from (default: the configuration's preset, else recommended): minimal, recommended, strict, pss-baseline, pss-restricted",
            HelpName = string.Join('|', RulePresets.Names),
        };
        preset.AcceptOnlyFromAmong([.. RulePresets.Names]);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Report errors only; warnings and infos are left out of every report (the exit code still follows --fail-level)" };
        var color = new Option<string>("--color")
        {
            Description = "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never",
            DefaultValueFactory = _ => "auto",
            HelpName = string.Join('|', ColorChoice.Names),
        };
        color.AcceptOnlyFromAmong([.. ColorChoice.Names]);
        var noSource = new Option<bool>("--no-source") { Description = "Text report: one line per finding, without the source line and marker under it" };

        var command = new Command("lint", "Lint and validate Kubernetes manifests")
        {
            paths, kubernetesVersion, format, output, failLevel, threads, strict, schemaLocation, schemaFile, config, enable, disable, followSymlinks,
            preset, quiet, color, noSource,
        };

        command.SetAction(parse =>
        {
            var version = parse.GetValue(kubernetesVersion);
            if (version is not null && !IsVersion(version))
            {
                throw new UsageException($"--kubernetes-version: '{version}' is not a version like 1.30");
            }

            var threadCount = parse.GetValue(threads) ?? Environment.ProcessorCount;
            if (threadCount < 1)
            {
                throw new UsageException("--threads: give a number of 1 or more");
            }

            var destinations = ReportWriter.Plan(parse.GetValue(format), parse.GetValue(output));

            // AcceptOnlyFromAmong has already limited the value to a severity name or none.
            var failLevelName = parse.GetValue(failLevel);
            Severity? threshold = SeverityNames.TryParse(failLevelName, out var severity) ? severity : null;
            var settings = LintSettings.Resolve(new LintArguments
            {
                ConfigPath = parse.GetValue(config),
                KubernetesVersion = version,
                FailLevel = threshold,
                Strict = parse.GetResult(strict) is { Implicit: false } ? parse.GetValue(strict) : null,
                Enable = parse.GetValue(enable) ?? [],
                Disable = parse.GetValue(disable) ?? [],
                Threads = threadCount,
                Preset = RulePresets.Parse(parse.GetValue(preset)),
            });

            // Standard input cannot be read twice: what the run reads of it is kept for the code frames.
            StartupTrace.Mark("settings");
            StandardInputCopyStream? standardInput = null;
            var collected = InputCollector.Gather(parse.GetValue(paths) ?? [], () => standardInput = new StandardInputCopyStream(openStandardInput()),
                settings.IsExcluded, parse.GetValue(followSymlinks));
            StartupTrace.Mark("walk");
            var options = settings.Options with
            {
                SchemaLocations = parse.GetValue(schemaLocation) ?? [],
                SchemaFile = parse.GetValue(schemaFile),
            };
            var engine = new LintEngine(options);
            StartupTrace.Mark("rules");
            var report = engine.Run(collected.Inputs).WithDiscovery(collected);
            StartupTrace.Mark("lint");

            // Walks that found nothing to lint are a mistake (a wrong directory), not a clean result; a file named
            // explicitly is linted whatever it holds.
            if (report.FoundNoManifest && collected.Inputs.All(input => input.IsDiscovered))
            {
                throw new InputException($"no Kubernetes manifests found in {string.Join(", ", collected.GivenPaths)}" +
                                         (report.Summary.SkippedFiles > 0 ? $" (skipped {report.Summary.SkippedFiles} files that are not manifests)" : string.Empty));
            }

            var protectedFiles = ReportWriter.LintedFiles(report);
            if (settings.ConfigPath is { } configPath)
            {
                protectedFiles.Add((configPath, OutputGuard.Configuration));
            }

            var fails = failLevelName != NeverFail && report.Active.Any(d => d.Severity >= settings.FailLevel);
            var quietly = parse.GetValue(quiet);
            var text = new TextReportOptions(ColorChoice.Parse(parse.GetValue(color)), ShowSource: !parse.GetValue(noSource), quietly,
                new SourceOpener(standardInput?.Bytes), threadCount);
            ReportWriter.Write(quietly ? ErrorsOnly(report) : report, destinations, stdout, new OutputGuard(protectedFiles, collected.WalkedDirectories), text);

            StartupTrace.Mark("report");
            return fails ? ExitCodes.Findings : ExitCodes.Clean;
        });
        return command;
    }

    /// <summary>The report <c>--quiet</c> writes: the errors (suppressed ones too, for SARIF), and the run's counts.</summary>
    private static LintReport ErrorsOnly(LintReport report) =>
        report with { Diagnostics = report.Diagnostics.Where(d => d.Severity == Severity.Error).ToArray() };

    private static bool IsVersion(string text)
    {
        var parts = text.TrimStart('v').Split('.');
        return parts.Length is 2 or 3 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }
}
