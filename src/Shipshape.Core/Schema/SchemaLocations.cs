using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Schema;

/// <summary>
/// JSON Schema files in local directories laid out as kubeconform expects (<c>--schema-location DIR|TEMPLATE</c>),
/// for kinds the embedded schemas and the linted CRDs do not define. A template may use kubeconform's variables
/// <c>{{ .NormalizedKubernetesVersion }}</c>, <c>{{ .StrictSuffix }}</c>, <c>{{ .ResourceKind }}</c>,
/// <c>{{ .ResourceAPIVersion }}</c>, <c>{{ .Group }}</c> and <c>{{ .KindSuffix }}</c>; a location that does not end
/// in <c>.json</c> gets kubeconform's default layout appended. The files are arbitrary JSON Schemas, so they are
/// evaluated with JsonSchema.Net and each error's instance location is mapped back to its YAML node.
/// </summary>
internal sealed partial class SchemaLocations
{
    private const string DefaultLayout = "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new(StringComparer.Ordinal);
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly string[] _templates;
    private readonly KubernetesVersion _target;
    private readonly bool _strict;

    public SchemaLocations(IReadOnlyList<string> locations, KubernetesVersion target, bool strict)
    {
        foreach (var location in locations)
        {
            Check(location);
        }

        _templates = locations.Where(l => l != "default").Select(Template).ToArray();
        _target = target;
        _strict = strict;
    }

    /// <summary>Remote locations are refused (nothing is downloaded); template variables must be kubeconform's.</summary>
    /// <exception cref="InputException">The location cannot be used.</exception>
    private static void Check(string location)
    {
        if (location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"--schema-location {location}: remote schema locations are not supported; Shipshape never downloads. Download the schemas and give their directory");
        }

        foreach (Match variable in VariablePattern().Matches(location))
        {
            if (variable.Groups[1].Value is not ("NormalizedKubernetesVersion" or "StrictSuffix" or "ResourceKind" or "ResourceAPIVersion" or "Group" or "KindSuffix"))
            {
                throw new InputException($"--schema-location {location}: unknown template variable {variable.Value}");
            }
        }
    }

    /// <summary>Validates <paramref name="item"/> with the first schema file found for its kind, or returns null when there is none.</summary>
    public ObjectValidation? TryValidate(KubeObject item)
    {
        foreach (var template in _templates)
        {
            var path = Render(template, item.ApiVersion, item.Kind);
            if (!File.Exists(path))
            {
                continue;
            }

            var schema = Schemas.GetOrAdd(Path.GetFullPath(path), file => new Lazy<JsonSchema>(() => Load(file))).Value;
            return Evaluate(item, schema, Path.GetFileName(path));
        }

        return null;
    }

    internal string Render(string template, string apiVersion, string kind)
    {
        var groupParts = apiVersion.Split('/');
        var kindSuffix = "-" + groupParts[0].Split('.')[0].ToLowerInvariant() + (groupParts.Length > 1 ? "-" + groupParts[1].ToLowerInvariant() : string.Empty);
        return VariablePattern().Replace(template, variable => variable.Groups[1].Value switch
        {
            "NormalizedKubernetesVersion" => string.Create(CultureInfo.InvariantCulture, $"v{_target.Major}.{_target.Minor}.0"),
            "StrictSuffix" => _strict ? "-strict" : string.Empty,
            "ResourceKind" => kind.ToLowerInvariant(),
            "ResourceAPIVersion" => groupParts[^1],
            "Group" => groupParts[0],
            "KindSuffix" => kindSuffix,
            _ => variable.Value,
        });
    }

    private static string Template(string location) =>
        location.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? location : location.TrimEnd('/', '\\') + DefaultLayout;

    private static JsonSchema Load(string path)
    {
        try
        {
            // The $schema of kubeconform's files (draft 4) is dropped: the keywords they use mean the same in later drafts.
            var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException("it is not a JSON object");
            root.Remove("$schema");
            // Not disposed: the built schema reads its keywords from the document for as long as it is cached.
            var document = JsonDocument.Parse(root.ToJsonString());
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            return JsonSchema.Build(document.RootElement, options, new Uri(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or JsonSchemaException or ArgumentException)
        {
            throw new InputException($"{path}: not a usable JSON schema: {exception.Message}", exception);
        }
    }

    private static ObjectValidation Evaluate(KubeObject item, JsonSchema schema, string schemaName)
    {
        using var instance = JsonDocument.Parse(YamlJson.ToUtf8(item.Node));
        var results = schema.Evaluate(instance.RootElement, Evaluation);
        var findings = new List<SchemaFinding>();
        if (results.IsValid)
        {
            return new ObjectValidation(findings);
        }

        var seen = new HashSet<(Node, string)>();
        foreach (var detail in FailedLeaves(results))
        {
            var (node, key, path) = Locate(item.Node, detail.InstanceLocation.ToString());
            var unknown = detail.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal) && key is not null;
            foreach (var error in detail.Errors!.Values)
            {
                var message = unknown
                    ? $"{path} is not a field of {item.ApiVersion} {item.Kind} (JSON schema {schemaName})"
                    : $"{path}: {error.TrimEnd('.')} (JSON schema {schemaName})";
                var at = unknown || error.StartsWith("Required properties", StringComparison.Ordinal) ? key ?? node : node;
                if (seen.Add((at, message)))
                {
                    findings.Add(new SchemaFinding(unknown ? SchemaFindingKind.UnknownField : SchemaFindingKind.Violation, at, message));
                }
            }
        }

        return new ObjectValidation(findings);
    }

    /// <summary>
    /// The failed evaluations that carry errors, descending only into failed nodes: a failed branch of a
    /// oneOf that passed as a whole is not a problem of the object.
    /// </summary>
    private static IEnumerable<EvaluationResults> FailedLeaves(EvaluationResults results)
    {
        if (results.IsValid)
        {
            yield break;
        }

        if (results.Errors is { Count: > 0 })
        {
            yield return results;
        }

        foreach (var detail in results.Details ?? [])
        {
            foreach (var leaf in FailedLeaves(detail))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>The node a JSON pointer names, the key it sits under (if any) and its field path for messages.</summary>
    private static (Node Node, Node? Key, string Path) Locate(MappingNode root, string pointer)
    {
        Node node = root;
        Node? key = null;
        var path = new StringBuilder();
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node is MappingNode mapping && mapping.TryGetEntry(segment, out var entry))
            {
                path.Append(path.Length > 0 ? "." : string.Empty).Append(segment);
                key = entry.Key;
                node = entry.Value;
            }
            else if (node is SequenceNode sequence && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count)
            {
                path.Append('[').Append(segment).Append(']');
                key = null;
                node = sequence.Items[index];
            }
            else
            {
                break;
            }
        }

        return (node, key, path.Length == 0 ? "the object" : path.ToString());
    }

    [GeneratedRegex(@"\{\{\s*\.(\w+)\s*\}\}")]
    private static partial Regex VariablePattern();
}
