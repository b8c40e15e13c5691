using Shipshape.Core.Analysis;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Configuration;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Commands;

/// <summary>What the command line asked for, before <c>.shipshape.yaml</c> fills in what it left out.</summary>
public sealed record LintArguments
{
    /// <summary>--config; null to look for .shipshape.yaml upward from the current directory.</summary>
    public string? ConfigPath { get; init; }

    public string? KubernetesVersion { get; init; }

    public bool? Strict { get; init; }

    /// <summary>--fail-level when given explicitly, else null.</summary>
    public Severity? FailLevel { get; init; }

    public IReadOnlyList<string> Enable { get; init; } = [];

    public IReadOnlyList<string> Disable { get; init; } = [];

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>--preset when given, else null (the configuration's, else recommended).</summary>
    public RulePreset? Preset { get; init; }
}

/// <summary>The settings of one lint run: the configuration file, overridden by the command line.</summary>
public sealed record LintSettings(LintOptions Options, Func<string, bool>? IsExcluded, Severity FailLevel)
{
    /// <summary>The configuration file in use, if any: no report may overwrite it.</summary>
    public string? ConfigPath { get; init; }

    public static LintSettings Resolve(LintArguments arguments)
    {
        foreach (var selector in arguments.Enable.Concat(arguments.Disable))
        {
            if (!RuleSelector.TryParse(selector, out _))
            {
                throw new UsageException($"--enable/--disable: '{selector}' names no rule; give {RuleSelector.Expected} ('shipshape rules' lists the IDs)");
            }
        }

        var configPath = arguments.ConfigPath ?? ConfigurationReader.FindUpward(Directory.GetCurrentDirectory());
        if (arguments.ConfigPath is not null && !File.Exists(arguments.ConfigPath))
        {
            throw new UsageException($"--config: {arguments.ConfigPath}: no such file");
        }

        var configuration = configPath is null ? ShipshapeConfiguration.Empty : ConfigurationReader.Load(configPath);
        var options = new LintOptions
        {
            Rules = configuration.ToRuleSettings(arguments.Enable, arguments.Disable, arguments.Strict, arguments.Preset),
            KubernetesVersion = arguments.KubernetesVersion ?? configuration.KubernetesVersion,
            Limits = configuration.ToLoaderLimits(),
            Threads = arguments.Threads,
        };
        var failLevel = arguments.FailLevel ?? configuration.FailLevel switch
        {
            Core.Configuration.FailLevel.Info => Severity.Info,
            Core.Configuration.FailLevel.Warning => Severity.Warning,
            _ => Severity.Error,
        };
        return new LintSettings(options, configPath is null ? null : configuration.ExclusionFilter(configPath), failLevel) { ConfigPath = configPath };
    }
}
