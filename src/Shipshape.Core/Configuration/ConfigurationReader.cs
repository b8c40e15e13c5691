using System.Text.RegularExpressions;
using Shipshape.Core.Analysis.Presets;
using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Configuration;

/// <summary>
/// Reads <c>.shipshape.yaml</c> with the manifest loader, so every problem has a line and column, and checks it
/// against <see cref="ShipshapeConfiguration"/>: the first unknown key, wrong type or bad value stops the run with
/// an <see cref="InputException"/> "file:line:col: reason" (exit code 2).
/// </summary>
public static partial class ConfigurationReader
{
    /// <summary>The name looked for upward from the current directory.</summary>
    public const string FileName = ".shipshape.yaml";

    /// <summary>The top-level keys, as the generated schema names them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["preset", "rules", "exclude", "kubernetesVersion", "strict", "failLevel", "limits"];

    /// <summary>The nearest <see cref="FileName"/> in <paramref name="directory"/> or a directory above it, or null.</summary>
    public static string? FindUpward(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static ShipshapeConfiguration Load(string path)
    {
        // Read like a manifest: only a regular file (--config /dev/zero or a FIFO is refused before it is opened), at
        // most the default size limit (the configuration's own limits are not known before it is read), strict UTF-8.
        var bytes = FileGate.ReadAllBytes(path, LoaderLimits.Default.MaxFileBytes, "the configuration");
        if (!SourceDecoder.TryDecode(bytes, out var text, out var problem, out var offset))
        {
            var (line, column) = SourceDecoder.Position(bytes, offset);
            throw new InputException($"{path}:{line}:{column}: {problem}");
        }

        return Parse(path, text) with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) };
    }

    public static ShipshapeConfiguration Parse(string path, string text)
    {
        var loaded = new YamlLoader().Load(new SourceFile(path, text));
        if (loaded.Diagnostics.Count > 0)
        {
            var first = loaded.Diagnostics[0];
            throw new InputException($"{path}:{first.Span.Line}:{first.Span.Column}: {first.Message}");
        }

        if (loaded.Documents.Count == 0)
        {
            return ShipshapeConfiguration.Empty;
        }

        if (loaded.Documents.Count > 1)
        {
            throw Problem(path, loaded.Documents[1].Root, "the configuration must be a single YAML document");
        }

        if (loaded.Documents[0].Root is not MappingNode root)
        {
            throw Problem(path, loaded.Documents[0].Root, $"the configuration must be a mapping of {string.Join(", ", Keys)}, not a {loaded.Documents[0].Root.ShapeName}");
        }

        var configuration = new ShipshapeConfiguration();
        foreach (var entry in root.Entries)
        {
            configuration = entry.KeyText switch
            {
                "preset" => configuration with { Preset = ReadPreset(path, entry.Value) },
                "rules" => configuration with { Rules = ReadRules(path, entry.Value) },
                "exclude" => configuration with { Exclude = ReadExclude(path, entry.Value) },
                "kubernetesVersion" => configuration with { KubernetesVersion = ReadVersion(path, entry.Value) },
                "strict" => configuration with { Strict = ReadBoolean(path, entry) },
                "failLevel" => configuration with { FailLevel = ReadFailLevel(path, entry.Value) },
                "limits" => configuration with { Limits = ReadLimits(path, entry.Value) },
                _ => throw Problem(path, entry.Key, $"unknown key '{entry.KeyText ?? entry.Key.ShapeName}'; the configuration's keys are {string.Join(", ", Keys)}"),
            };
        }

        return configuration;
    }

    private static Dictionary<string, RuleLevel> ReadRules(string path, Node node)
    {
        var rules = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        if (node is ScalarNode { IsNull: true })
        {
            return rules;
        }

        if (node is not MappingNode mapping)
        {
            throw Problem(path, node, $"'rules' must be a mapping of rule IDs, wildcards or categories to off, info, warning or error, not a {node.ShapeName}");
        }

        foreach (var entry in mapping.Entries)
        {
            if (!RuleSelector.TryParse(entry.KeyText, out var selector))
            {
                throw Problem(path, entry.Key, $"'{entry.KeyText}' under 'rules' names no Shipshape rule; use {RuleSelector.Expected} ('shipshape rules' lists the IDs)");
            }

            rules[selector.Text] = entry.Value is ScalarNode scalar && ParseRuleLevel(scalar.Value) is { } level
                ? level
                : throw Problem(path, entry.Value, $"the level of {selector.Text} must be off, info, warning or error");
        }

        return rules;
    }

    private static RulePreset ReadPreset(string path, Node node) =>
        node is ScalarNode scalar && RulePresets.Parse(scalar.Value) is { } preset
            ? preset
            : throw Problem(path, node, $"'preset' must be one of {string.Join(", ", RulePresets.Names)}");

    private static string[] ReadExclude(string path, Node node)
    {
        if (node is not SequenceNode sequence)
        {
            throw Problem(path, node, $"'exclude' must be a list of glob patterns, not a {node.ShapeName}");
        }

        return sequence.Items
            .Select(item => item is ScalarNode { Kind: ScalarKind.String } pattern && pattern.Value.Length > 0
                ? pattern.Value
                : throw Problem(path, item, $"each 'exclude' entry must be a glob pattern string, not a {item.ShapeName}"))
            .ToArray();
    }

    private static readonly string[] LimitKeys = ["maxFileBytes", "maxDocuments", "maxDepth", "maxExpandedNodes", "maxScalarLength"];

    private static InputLimits ReadLimits(string path, Node node)
    {
        if (node is not MappingNode mapping)
        {
            throw Problem(path, node, $"'limits' must be a mapping of {string.Join(", ", LimitKeys)}, not a {node.ShapeName}");
        }

        var limits = new InputLimits();
        foreach (var entry in mapping.Entries)
        {
            long Positive(long max) =>
                entry.Value is ScalarNode scalar && scalar.TryGetInt64(out var value) && value >= 1 && value <= max
                    ? value
                    : throw Problem(path, entry.Value, $"'limits.{entry.KeyText}' must be a whole number from 1 to {max}");

            limits = entry.KeyText switch
            {
                "maxFileBytes" => limits with { MaxFileBytes = Positive(long.MaxValue) },
                "maxDocuments" => limits with { MaxDocuments = (int)Positive(int.MaxValue) },
                "maxDepth" => limits with { MaxDepth = (int)Positive(LoaderLimits.MaxDepthCeiling) },
                "maxExpandedNodes" => limits with { MaxExpandedNodes = Positive(long.MaxValue) },
                "maxScalarLength" => limits with { MaxScalarLength = (int)Positive(int.MaxValue) },
                _ => throw Problem(path, entry.Key, $"unknown key '{entry.KeyText ?? entry.Key.ShapeName}' under 'limits'; its keys are {string.Join(", ", LimitKeys)}"),
            };
        }

        return limits;
    }

    private static string ReadVersion(string path, Node node)
    {
        // An unquoted 1.30 is a number to YAML; its text is what the user meant.
        if (node is ScalarNode { IsNull: false } scalar && VersionPattern().IsMatch(scalar.Value))
        {
            return scalar.Value.TrimStart('v');
        }

        throw Problem(path, node, "'kubernetesVersion' must be a version like \"1.30\"");
    }

    private static bool ReadBoolean(string path, MappingEntry entry) =>
        entry.Value is ScalarNode scalar && scalar.TryGetBoolean(out var value)
            ? value
            : throw Problem(path, entry.Value, $"'{entry.KeyText}' must be true or false, not a {entry.Value.ShapeName}");

    private static FailLevel ReadFailLevel(string path, Node node) =>
        node is ScalarNode scalar && ParseRuleLevel(scalar.Value) is { } level and not RuleLevel.Off
            ? (FailLevel)((int)level - 1)
            : throw Problem(path, node, "'failLevel' must be error, warning or info");

    /// <summary>A level name; YAML 1.1 reads an unquoted <c>off</c> as false, which here means off too.</summary>
    private static RuleLevel? ParseRuleLevel(string text) => text.Trim().ToLowerInvariant() switch
    {
        "off" or "false" or "none" => RuleLevel.Off,
        "info" => RuleLevel.Info,
        "warning" => RuleLevel.Warning,
        "error" => RuleLevel.Error,
        _ => null,
    };

    private static InputException Problem(string path, Node node, string reason) =>
        new($"{path}:{node.Span.Line}:{node.Span.Column}: {reason}");

    private const string VersionPatternText = @"^v?\d+\.\d+(\.\d+)?$";

#if NET
    [GeneratedRegex(VersionPatternText)]
    private static partial Regex VersionPattern();
#else
    // netstandard2.0 (the engine inside Roslyn hosts) has no regex source generator.
    private static readonly Regex VersionPatternRegex = new(VersionPatternText);

    private static Regex VersionPattern() => VersionPatternRegex;
#endif
}
