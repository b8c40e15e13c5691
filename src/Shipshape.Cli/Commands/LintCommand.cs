using System.CommandLine;
using System.Globalization;
using Shipshape.Cli.Output;
using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;

namespace Shipshape.Cli.Commands;

/// <summary><c>shipshape lint [PATH|-]...</c>: the CI entry point.</summary>
public static class LintCommand
{
    public static Command Create(TextWriter stdout, Func<byte[]> readStandardInput)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var kubernetesVersion = new Option<string?>("--kubernetes-version", "-k")
        {
            Description = $"Kubernetes version to check against, as X.Y (default: {KubernetesVersions.Default})",
            HelpName = "X.Y",
        };
        var format = ReportWriter.CreateFormatOption();
        var output = ReportWriter.CreateOutputOption();
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when a finding is at or above this severity",
            DefaultValueFactory = _ => "error",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "info");
        var threads = new Option<int?>("--threads", "-j")
        {
            Description = "Files analyzed in parallel (default: all cores); the report is identical for any value",
            HelpName = "N",
        };

        var strict = new Option<bool>("--strict")
        {
            Description = "Fields unknown to the API schema (SHIP1002) are errors, unless the configuration sets their severity",
        };
        var schemaLocation = new Option<string[]>("--schema-location")
        {
            Description = "Directory or path template of JSON schemas in kubeconform's layout, for kinds the embedded schemas lack (repeatable)",
            HelpName = "DIR|TEMPLATE",
        };
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
        var enable = new Option<string[]>("--enable") { Description = "Turn rules on (repeatable): an ID, a wildcard (SHIP3*) or a category (security); overrides the configuration", HelpName = "ID|WILDCARD|CATEGORY" };
        var disable = new Option<string[]>("--disable") { Description = "Turn rules off (repeatable): an ID, a wildcard (SHIP3*) or a category (security); overrides the configuration", HelpName = "ID|WILDCARD|CATEGORY" };

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
            paths, kubernetesVersion, format, output, failLevel, threads, strict, schemaLocation, schemaFile, config, enable, disable,
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

            // AcceptOnlyFromAmong has already limited the value to a severity name.
            _ = SeverityNames.TryParse(parse.GetValue(failLevel), out var threshold);
            var settings = LintSettings.Resolve(new LintArguments
            {
                ConfigPath = parse.GetValue(config),
                KubernetesVersion = version,
                FailLevel = parse.GetResult(failLevel) is { Implicit: false } ? threshold : null,
                Strict = parse.GetResult(strict) is { Implicit: false } ? parse.GetValue(strict) : null,
                Enable = parse.GetValue(enable) ?? [],
                Disable = parse.GetValue(disable) ?? [],
                Threads = threadCount,
                Preset = RulePresets.Parse(parse.GetValue(preset)),
            });

            // Standard input cannot be read twice: its bytes are kept (the run holds them anyway) for the code frames.
            byte[]? standardInput = null;
            var inputs = InputCollector.Collect(parse.GetValue(paths) ?? [], () => standardInput = readStandardInput(), settings.IsExcluded);
            var options = settings.Options with
            {
                SchemaLocations = parse.GetValue(schemaLocation) ?? [],
                SchemaFile = parse.GetValue(schemaFile),
            };
            var report = new LintEngine(options).Run(inputs);

            var exitCode = report.Active.Any(d => d.Severity >= settings.FailLevel) ? ExitCodes.Findings : ExitCodes.Clean;
            var quietly = parse.GetValue(quiet);
            var text = new TextReportOptions(ColorChoice.Parse(parse.GetValue(color)), ShowSource: !parse.GetValue(noSource), quietly, new SourceOpener(standardInput));
            ReportWriter.Write(quietly ? ErrorsOnly(report) : report, destinations, stdout, text);

            return exitCode;
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
