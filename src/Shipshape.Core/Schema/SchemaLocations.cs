using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;
using Shipshape.Core.Schema.JsonSchema;

namespace Shipshape.Core.Schema;

/// <summary>
/// JSON Schema files in local directories laid out as kubeconform expects (<c>--schema-location DIR|TEMPLATE</c>),
/// for kinds the embedded schemas and the linted CRDs do not define. A template may use kubeconform's variables
/// <c>{{ .NormalizedKubernetesVersion }}</c>, <c>{{ .StrictSuffix }}</c>, <c>{{ .ResourceKind }}</c>,
/// <c>{{ .ResourceAPIVersion }}</c>, <c>{{ .Group }}</c> and <c>{{ .KindSuffix }}</c>; a location that does not end
/// in <c>.json</c> gets kubeconform's default layout appended. The files are compiled and validated by Shipshape's
/// own schema engine (the one that validates built-in kinds and CRDs), so each finding is at its YAML node. It is
/// not a JSON Schema library because of start-up cost: NativeAOT runs every assembly's module initializer at process
/// start, and JsonSchema.Net's (loading its meta-schemas and dialects) took about a quarter of every run's time,
/// although only this option needs it. The engine implements every validation keyword of JSON Schema draft-04 and
/// draft-07 and <c>$ref</c> within the file (see <see cref="JsonSchemaDocument"/>). Template variables taken from an
/// object (its kind, group and version) must have the shape Kubernetes gives them before they become part of a path,
/// so that no object can make Shipshape read a file outside the location (<c>kind: ../../secret</c>).
/// </summary>
internal sealed partial class SchemaLocations
{
    private const string VariablePatternText = @"\{\{\s*\.(\w+)\s*\}\}";
    private const string DefaultLayout = "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchemaDocument>> Schemas = new(StringComparer.Ordinal);

    private readonly string[] _templates;
    private readonly KubernetesVersion _target;
    private readonly bool _strict;
    // The schema files this run used whose keywords it partly ignores, by full path: each gets one warning.
    private readonly ConcurrentDictionary<string, JsonSchemaDocument> _partlyIgnored = new(StringComparer.Ordinal);

    public SchemaLocations(IReadOnlyList<string> locations, KubernetesVersion target, bool strict)
    {
        // A loop rather than Where/Select: chained LINQ iterators resolve a generic virtual method at run time,
        // which NativeAOT builds on first use at every start.
        var templates = new List<string>(locations.Count);
        foreach (var location in locations)
        {
            Check(location);
            if (location != "default")
            {
                templates.Add(Template(location));
            }
        }

        _templates = [.. templates];
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

        if (location != "default" && !Directory.Exists(FixedDirectory(Template(location))))
        {
            throw new InputException($"--schema-location {location}: no such directory {FixedDirectory(Template(location))}; give a directory of JSON schemas or a template such as DIR/{{{{ .ResourceKind }}}}.json");
        }
    }

    /// <summary>The directory part of a template before its first variable: every file the template names is inside it.</summary>
    private static string FixedDirectory(string template)
    {
        var variable = VariablePattern().Match(template);
        var fixedPart = variable.Success ? template[..variable.Index] : template;
        var directory = Path.GetDirectoryName(fixedPart.EndsWith('/') || fixedPart.EndsWith('\\') ? fixedPart + "x" : fixedPart);
        return string.IsNullOrEmpty(directory) ? "." : directory;
    }

    /// <summary>Validates <paramref name="item"/> with the first schema file found for its kind, or returns null when there is none.</summary>
    public ObjectValidation? TryValidate(KubeObject item)
    {
        foreach (var template in _templates)
        {
            if (Render(template, item.ApiVersion, item.Kind) is not { } path || !IsInside(path, FixedDirectory(template))
                || Loading.FileSystem.FileGate.RequireFileOrDirectory(path).Kind != Loading.FileSystem.PathKind.RegularFile)
            {
                continue;
            }

            var fullPath = Path.GetFullPath(path);
            var schema = Schemas.GetOrAdd(fullPath, file => new Lazy<JsonSchemaDocument>(() => Load(file))).Value;
            if (schema.IgnoredKeywords.Count > 0)
            {
                _partlyIgnored.TryAdd(fullPath, schema);
            }

            return Evaluate(item, schema, Path.GetFileName(path));
        }

        return null;
    }

    /// <summary>One warning for each schema file this run used that has keywords the engine does not evaluate, in path order.</summary>
    public IReadOnlyList<string> Warnings()
    {
        var paths = new List<string>(_partlyIgnored.Keys);
        paths.Sort(StringComparer.Ordinal);
        var warnings = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            var keywords = new List<string>(_partlyIgnored[path].IgnoredKeywords);
            var named = ProseList.JoinWithAnd(keywords);
            var them = keywords.Count == 1 ? "it" : "them";
            warnings.Add($"The JSON schema {path} uses {named} (JSON Schema 2019-09 and later), which Shipshape does not implement, "
                + $"so objects are not checked against {them}; write {them} with draft-07 keywords (additionalProperties, items, dependencies) to have {them} checked.");
        }

        return warnings;
    }

    /// <summary>
    /// The schema file <paramref name="template"/> names for an object, or null when the object's kind or apiVersion
    /// is not shaped as Kubernetes shapes them (a kind is an identifier, a group a DNS subdomain, a version lowercase
    /// letters and digits): such values never become part of a path, and the result stays inside the template's directory.
    /// </summary>
    internal string? Render(string template, string apiVersion, string kind)
    {
        var groupParts = apiVersion.Split('/');
        if (!IsIdentifier(kind) || groupParts.Length > 2 || !IsVersion(groupParts[^1]) || (groupParts.Length == 2 && !IsDnsSubdomain(groupParts[0])))
        {
            return null;
        }

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

    /// <summary>A second guard besides the shape of the variables: the file is inside the template's fixed directory.</summary>
    private static bool IsInside(string path, string directory)
    {
        var root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }

    private static bool IsIdentifier(string kind) =>
        kind.Length is > 0 and <= 253 && char.IsAsciiLetter(kind[0]) && kind.All(char.IsAsciiLetterOrDigit);

    private static bool IsVersion(string version) =>
        version.Length is > 0 and <= 63 && version.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static bool IsDnsSubdomain(string group) =>
        group.Length is > 0 and <= 253 && group.Split('.').All(label =>
            label.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(label[0]) && char.IsAsciiLetterOrDigit(label[^1])
            && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));

    private static string Template(string location) =>
        location.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? location : location.TrimEnd('/', '\\') + DefaultLayout;

    private static JsonSchemaDocument Load(string path)
    {
        try
        {
            return JsonSchemaDocument.Parse(Loading.FileSystem.FileGate.ReadAllBytes(path, Loading.FileSystem.FileGate.MaxSchemaFileBytes, "the schema"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new InputException($"{path}: not a usable JSON schema: {exception.Message}", exception);
        }
    }

    private static ObjectValidation Evaluate(KubeObject item, JsonSchemaDocument schema, string schemaName)
    {
        var findings = new List<SchemaFinding>();
        SchemaValidator.Validate(item.Node, schema.Root, GroupVersionKind.From(item.ApiVersion, item.Kind).ToString(), findings);
        for (var i = 0; i < findings.Count; i++)
        {
            findings[i] = findings[i] with { Message = $"{findings[i].Message} (JSON schema {schemaName})" };
        }

        return new ObjectValidation(findings);
    }

#if NET
    [GeneratedRegex(VariablePatternText)]
    private static partial Regex VariablePattern();
#else
    // netstandard2.0 (the engine inside Roslyn hosts) has no regex source generator.
    private static readonly Regex VariableRegex = new(VariablePatternText);

    private static Regex VariablePattern() => VariableRegex;
#endif
}
