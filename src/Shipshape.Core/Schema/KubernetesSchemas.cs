using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;

namespace Shipshape.Core.Schema;

/// <summary>The outcome of validating one object: its findings, or the fact that no schema was found for it.</summary>
public sealed class ObjectValidation
{
    public static ObjectValidation NoSchema { get; } = new([], hasSchema: false);

    public ObjectValidation(IReadOnlyList<SchemaFinding> findings, bool hasSchema = true)
    {
        Findings = findings;
        HasSchema = hasSchema;
    }

    public IReadOnlyList<SchemaFinding> Findings { get; }

    public bool HasSchema { get; }
}

/// <summary>
/// The schemas one run validates against: the target Kubernetes version (for API lifecycle), the schema set
/// used for it (embedded, or a cluster's own from <c>--schema-file</c>), and the CustomResourceDefinitions of the
/// linted set. The rules share each validation (see ValidateBuiltIn and Validate) and each reports its part.
/// </summary>
public sealed class KubernetesSchemas
{
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static readonly ConcurrentDictionary<string, Lazy<DefinitionSet>> SchemaFiles = new(StringComparer.Ordinal);

    private readonly Lazy<DefinitionSet> _definitions;
    // The object last validated on this thread: SHIP1001 and SHIP1002 run one after the other on each object,
    // so the second finds the first's result here, without a per-object table (10,000 objects, 10,000 entries).
    [ThreadStatic]
    private static (KubeObject Item, ObjectValidation Result)? _lastBuiltIn;

    // Per linted set: the custom resources validated against the set's CustomResourceDefinitions, each once.
    private readonly ConditionalWeakTable<ObjectSet, ConcurrentDictionary<KubeObject, ObjectValidation>> _setValidations = new();

    private readonly SchemaLocations _locations;

    private KubernetesSchemas(KubernetesVersion target, KubernetesVersion? schemaVersion, Lazy<DefinitionSet> definitions, SchemaLocations locations, IReadOnlyList<string> notes)
    {
        Target = target;
        SchemaVersion = schemaVersion;
        _definitions = definitions;
        _locations = locations;
        Notes = notes;
    }

    /// <summary>The Kubernetes version asked for; API removals and deprecations are judged against it.</summary>
    public KubernetesVersion Target { get; }

    /// <summary>The embedded schema version used, or null when the schemas come from a file.</summary>
    public KubernetesVersion? SchemaVersion { get; }

    /// <summary>What the report should tell the reader about the schemas (a substituted version), once.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// One warning for each <c>--schema-location</c> file used so far that has keywords the engine ignores (JSON Schema
    /// 2019-09 and later): such a schema still checks everything else, so it is not refused, but not without a word.
    /// </summary>
    public IReadOnlyList<string> SchemaLocationWarnings() => _locations.Warnings();

    /// <summary>
    /// The embedded schemas for <paramref name="requested"/> (the newest when null), or the swagger document
    /// <paramref name="schemaFile"/>; plus JSON schemas in kubeconform-style <paramref name="locations"/> for other kinds.
    /// </summary>
    /// <param name="strict">Selects kubeconform's <c>-strict</c> schema directories.</param>
    /// <exception cref="FormatException">The version is not like 1.30.</exception>
    /// <exception cref="InputException">The schema file or a location cannot be used (read now, before any manifest is linted).</exception>
    public static KubernetesSchemas Create(string? requested, string? schemaFile = null, IReadOnlyList<string>? locations = null, bool strict = false)
    {
        var target = requested is null ? EmbeddedSchemas.Newest : KubernetesVersion.Parse(requested);
        var schemaLocations = new SchemaLocations(locations ?? [], target, strict);
        if (schemaFile is not null)
        {
            var full = Path.GetFullPath(schemaFile);
            var definitions = SchemaFiles.GetOrAdd(full, path => new Lazy<DefinitionSet>(() => LoadFile(path)));
            _ = definitions.Value;
            return new KubernetesSchemas(target, null, definitions, schemaLocations, []);
        }

        var used = EmbeddedSchemas.Nearest(target);
        var notes = new List<string>();
        if (used != target)
        {
            // Every minor version between the oldest and the newest is embedded, so a missing one is outside them.
            var direction = used > target ? "the oldest embedded schemas" : "the newest embedded schemas";
            notes.Add($"Kubernetes {target} has no embedded schemas; objects are validated against {used}, {direction} (API removals and deprecations are still judged for {target}).");
        }

        return new KubernetesSchemas(target, used, new Lazy<DefinitionSet>(() => EmbeddedSchemas.Load(used)), schemaLocations, notes);
    }

    internal DefinitionSet Definitions => _definitions.Value;

    /// <summary>Whether the target version serves <paramref name="gvk"/>, as far as the schemas in use can tell.</summary>
    public bool Serves(GroupVersionKind gvk) => Definitions.Serves(gvk);

    /// <summary>The kinds the schemas in use define.</summary>
    public IEnumerable<GroupVersionKind> KnownKinds => Definitions.Kinds;

    /// <summary>True when the schemas in use are exactly those of the target version.</summary>
    public bool SchemasMatchTarget => SchemaVersion == Target;

    /// <summary>An empty set of CustomResourceDefinition schemas, for a run to fill in set order.</summary>
    internal CustomResourceSchemas CreateCustomResourceSchemas() => new(new Lazy<SchemaNode>(() => Definitions.Definition(ObjectMetaDefinition) ?? SchemaNode.Any));

    /// <summary>Whether the schemas in use define <paramref name="item"/>'s kind (so it is validated per object, not with the set).</summary>
    public bool IsBuiltIn(KubeObject item) => Definitions.Serves(GroupVersionKind.From(item.ApiVersion, item.Kind));

    /// <summary>Validates <paramref name="item"/> against its built-in schema; null when the kind is not built in.</summary>
    public ObjectValidation? ValidateBuiltIn(KubeObject item)
    {
        if (_lastBuiltIn is { } last && ReferenceEquals(last.Item, item))
        {
            return last.Result;
        }

        var gvk = GroupVersionKind.From(item.ApiVersion, item.Kind);
        if (Definitions.ForKind(gvk) is not { } schema)
        {
            return null;
        }

        var result = Run(item, schema, gvk);
        _lastBuiltIn = (item, result);
        return result;
    }

    /// <summary>
    /// Validates <paramref name="item"/> against its built-in schema, a CustomResourceDefinition in <paramref name="set"/>,
    /// or a JSON schema in a <c>--schema-location</c>;
    /// <see cref="ObjectValidation.NoSchema"/> when neither knows its kind.
    /// </summary>
    public ObjectValidation Validate(KubeObject item, ObjectSet set)
    {
        if (ValidateBuiltIn(item) is { } builtIn)
        {
            return builtIn;
        }

        var validations = _setValidations.GetValue(set, _ => new ConcurrentDictionary<KubeObject, ObjectValidation>(ReferenceEqualityComparer.Instance));
        return validations.GetOrAdd(item, _ =>
        {
            var gvk = GroupVersionKind.From(item.ApiVersion, item.Kind);
            if (set.CustomResources.For(gvk) is { } schema)
            {
                return Run(item, schema, gvk);
            }

            if (set.CustomResources.IsDefined(gvk))
            {
                return new ObjectValidation([]);
            }

            return _locations.TryValidate(item) ?? ObjectValidation.NoSchema;
        });
    }

    private static ObjectValidation Run(KubeObject item, SchemaNode schema, GroupVersionKind gvk)
    {
        var findings = new List<SchemaFinding>();
        SchemaValidator.Validate(item.Node, schema, gvk.ToString(), findings);
        return new ObjectValidation(findings);
    }

    private static DefinitionSet LoadFile(string path)
    {
        try
        {
            return DefinitionSet.Parse(Loading.FileSystem.FileGate.ReadAllBytes(path, Loading.FileSystem.FileGate.MaxSchemaFileBytes, "the schema file"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            throw new InputException($"--schema-file {path}: {exception.Message}", exception);
        }
    }
}
