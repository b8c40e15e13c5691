using System.Text.Json;
using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;
using Shipshape.Core.Schema;
using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Generation.Typed;

/// <summary>
/// The type model of the kinds that CustomResourceDefinitions define, as <c>cdk8s import</c> makes it: each served
/// version's openAPIV3Schema (read as the engine reads it, <see cref="CustomResourceSchemas.Read"/>) becomes a kind class
/// in <c>CustomResources.&lt;Group&gt;.&lt;Version&gt;</c> (<c>CustomResources.StableExampleCom.V1.CronTab</c>), and each
/// object written inline in it a class named after its path (<c>CronTabSpec</c>, <c>CronTabSpecTemplate</c>).
/// </summary>
internal static class CustomResourceKinds
{
    public const string RootNamespace = "CustomResources";

    /// <exception cref="GeneratorException">A file does not load, holds no CustomResourceDefinition, or a schema nests too deeply; the message names where.</exception>
    public static KindTypes Read(IEnumerable<SourceFile> files)
    {
        var model = new TypeModel();
        var kinds = new Dictionary<GroupVersionKind, ClassModel>();
        var reader = new SchemaReader(model, references: null);
        foreach (var file in files)
        {
            var loaded = new YamlLoader().Load(file);
            if (loaded.Diagnostics.FirstOrDefault(d => d.Id != RuleIds.DuplicateKey) is { } problem)
            {
                throw new GeneratorException(problem.ToString());
            }

            var found = false;
            foreach (var document in loaded.Documents)
            {
                if (document.Root is not MappingNode root || root.Scalar("apiVersion") is not { Kind: ScalarKind.String } apiVersion
                    || root.Scalar("kind") is not { Kind: ScalarKind.String } kind)
                {
                    continue;
                }

                foreach (var version in CustomResourceSchemas.Read(KubeObjectFactory.Create(document, root, apiVersion, kind)))
                {
                    found = true;
                    var ns = RootNamespace + "." + SchemaReader.Pascal(version.Kind.Group) + "." + BuiltInKinds.VersionName(SchemaReader.Pascal(version.Kind.Version));
                    var name = model.Reserve(ns, SchemaReader.Pascal(version.Kind.Kind));
                    try
                    {
                        using var schema = JsonDocument.Parse(version.SchemaJson ?? "{}"u8.ToArray(), new JsonDocumentOptions { MaxDepth = LoaderLimits.MaxDepthCeiling });
                        reader.ReadClass(schema.RootElement, name, version.Kind, depth: 0);
                    }
                    catch (InvalidDataException exception)
                    {
                        throw new GeneratorException($"{file.Path}:{root.Span.Line}:{root.Span.Column}: the CustomResourceDefinition of {version.Kind}: {exception.Message}, more than builder classes follow; build its objects with RawResource.FromYaml instead");
                    }

                    kinds[version.Kind] = model.Class(name);
                }
            }

            if (!found)
            {
                throw new GeneratorException($"{file.Path}: --crd takes CustomResourceDefinitions (apiextensions.k8s.io/v1 with spec.group, spec.names.kind and spec.versions), but this file holds none");
            }
        }

        return new KindTypes(model, kinds);
    }
}
