using Shipshape.Builder.Generation.Typed;
using Shipshape.Builder.Kinds;
using Shipshape.Core.Schema;

namespace Shipshape.Builder.Tests;

/// <summary>
/// The typed classes of src/Shipshape.Builder/Generated: generated from the newest embedded spec, one for every kind
/// it serves, and usable as the builder's own objects are.
/// </summary>
public sealed class BuiltInKindsTests
{
    private static string GeneratedFolder => Path.Combine(TestPaths.Root, BuiltInKinds.Folder);

    [Fact]
    public void The_generated_code_is_what_the_newest_spec_generates()
    {
        var expected = BuiltInKinds.Files(EmbeddedSchemas.Newest).ToDictionary(f => f.FileName, f => f.Code, StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("SHIPSHAPE_UPDATE_GENERATED") == "1")
        {
            foreach (var stale in Directory.EnumerateFiles(GeneratedFolder, "*.cs").Where(path => !expected.ContainsKey(Path.GetFileName(path))))
            {
                File.Delete(stale);
            }

            foreach (var (name, code) in expected)
            {
                File.WriteAllText(Path.Combine(GeneratedFolder, name), code);
            }
        }

        var actual = Directory.EnumerateFiles(GeneratedFolder, "*.cs").ToDictionary(path => Path.GetFileName(path)!, path => File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        var stalePaths = expected.Keys.Union(actual.Keys).Where(name => !actual.TryGetValue(name, out var code) || !expected.TryGetValue(name, out var wanted) || code != wanted).Order(StringComparer.Ordinal);
        Assert.True(!stalePaths.Any(), $"{BuiltInKinds.Folder} is out of date ({string.Join(", ", stalePaths)}): run `{BuiltInKinds.RegenerateCommand}`");
    }

    [Fact]
    public void There_is_a_class_for_exactly_the_kinds_the_newest_spec_serves()
    {
        var served = EmbeddedSchemas.Load(EmbeddedSchemas.Newest).Kinds.Select(gvk => gvk.ToString()).Order(StringComparer.Ordinal).ToArray();
        var generated = typeof(TypedResource<>).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith(BuiltInKinds.RootNamespace + ".", StringComparison.Ordinal) == true && IsKind(type))
            .Select(type => (Resource)Activator.CreateInstance(type)!)
            .Select(kind => GroupVersionKind.From(kind.ApiVersion, kind.Kind).ToString())
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(served, generated);
        Assert.Contains("batch/v1 CronJob", generated);
        Assert.Contains("networking.k8s.io/v1 NetworkPolicy", generated);
    }

    private static bool IsKind(Type type) =>
        type.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(TypedResource<>);
}
