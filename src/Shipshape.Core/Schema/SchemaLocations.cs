using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;

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
/// although only this option needs it. The engine covers the keywords kubeconform's and the CRD catalog's schema
/// files use: type (with "null"), properties, required, additionalProperties, items, enum, const, format, pattern,
/// minimum/maximum, min/max length and items, allOf/anyOf/oneOf/not, and $ref within the file.
/// </summary>
internal sealed partial class SchemaLocations
{
    private const string VariablePatternText = @"\{\{\s*\.(\w+)\s*\}\}";
    private const string DefaultLayout = "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    private static readonly ConcurrentDictionary<string, Lazy<SchemaFile>> Schemas = new(StringComparer.Ordinal);

    private readonly string[] _templates;
    private readonly KubernetesVersion _target;
    private readonly bool _strict;

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
    }

    /// <summary>Validates <paramref name="item"/> with the first schema file found for its kind, or returns null when there is none.</summary>
    public ObjectValidation? TryValidate(KubeObject item)
    {
        foreach (var template in _templates)
        {
            var path = Render(template, item.ApiVersion, item.Kind);
            if (Loading.FileSystem.FileGate.RequireFileOrDirectory(path).Kind != Loading.FileSystem.PathKind.RegularFile)
            {
                continue;
            }

            var schema = Schemas.GetOrAdd(Path.GetFullPath(path), file => new Lazy<SchemaFile>(() => Load(file))).Value;
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

    private static SchemaFile Load(string path)
    {
        try
        {
            // Not disposed: definitions are compiled from the document as objects first need them, for as long as the file is cached.
            var document = JsonDocument.Parse(Loading.FileSystem.FileGate.ReadAllBytes(path, Loading.FileSystem.FileGate.MaxSchemaFileBytes, "the schema"), new JsonDocumentOptions { MaxDepth = 256 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("it is not a JSON object");
            }

            return new SchemaFile(document.RootElement);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new InputException($"{path}: not a usable JSON schema: {exception.Message}", exception);
        }
    }

    private static ObjectValidation Evaluate(KubeObject item, SchemaFile schema, string schemaName)
    {
        var findings = new List<SchemaFinding>();
        SchemaValidator.Validate(item.Node, schema.Root, GroupVersionKind.From(item.ApiVersion, item.Kind).ToString(), findings);
        for (var i = 0; i < findings.Count; i++)
        {
            findings[i] = findings[i] with { Message = $"{findings[i].Message} (JSON schema {schemaName})" };
        }

        return new ObjectValidation(findings);
    }

    /// <summary>
    /// One schema file compiled with Shipshape's own engine. Its <c>$ref</c>s must point into the file itself
    /// (<c>#/definitions/...</c>, <c>#/$defs/...</c>, any JSON pointer): they are all checked when the file is read, and
    /// the definitions compiled when first used.
    /// </summary>
    private sealed class SchemaFile
    {
        private readonly JsonElement _root;
        private readonly ConcurrentDictionary<string, DefinitionReference> _references = new(StringComparer.Ordinal);
        private readonly Func<string, DefinitionReference> _referenceFactory;
        private readonly Func<string, DefinitionReference> _reference;

        public SchemaFile(JsonElement root)
        {
            _root = root;
            CheckReferences(root);
            _referenceFactory = pointer => new DefinitionReference(pointer, CompileAt);
            _reference = pointer => _references.GetOrAdd(pointer, _referenceFactory);
            Root = SchemaCompiler.Compile(root, SchemaDialect.JsonSchema, _reference);
        }

        public SchemaNode Root { get; }

        private SchemaNode CompileAt(string pointer) => SchemaCompiler.Compile(Find(pointer)!.Value, SchemaDialect.JsonSchema, _reference);

        /// <exception cref="InvalidDataException">A <c>$ref</c> names something outside the file, or nothing.</exception>
        private void CheckReferences(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.NameEquals("$ref") && property.Value.ValueKind == JsonValueKind.String && Find(property.Value.GetString()!) is null)
                        {
                            throw new InvalidDataException($"$ref \"{property.Value.GetString()}\" does not name a schema in this file (only references within the file, such as #/definitions/Name, are followed)");
                        }

                        CheckReferences(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        CheckReferences(item);
                    }

                    break;
            }
        }

        /// <summary>The element a local reference (<c>#</c> and a JSON pointer) names, or null.</summary>
        private JsonElement? Find(string reference)
        {
            if (!reference.StartsWith('#'))
            {
                return null;
            }

            var element = _root;
            foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
                {
                    element = child;
                }
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else
                {
                    return null;
                }
            }

            return element;
        }
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
