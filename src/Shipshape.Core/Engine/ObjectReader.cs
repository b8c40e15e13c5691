using Shipshape.Core.Analysis;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;
using Shipshape.Core.Rules.Input;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Engine;

/// <summary>
/// Turns loaded documents into typed objects. A <c>kind: List</c> (or any <c>*List</c> kind with <c>items</c>)
/// contributes each item as an object; a document that is not an object gives SHIP0003. In a file a directory walk
/// found, a document with neither apiVersion nor kind is not a manifest at all (a tool's configuration, a data file):
/// it is skipped without a finding, and a file of nothing else is counted as skipped.
/// </summary>
public static class ObjectReader
{
    public static void Read(ManifestDocument document, List<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        if (document.File.IsDiscovered && IsNotAManifest(document.Root))
        {
            return;
        }

        if (document.Root is not MappingNode root)
        {
            diagnostics.Add(NotAnObject(document, document.Root, $"it is a {document.Root.ShapeName}, not a mapping"));
            return;
        }

        ReadMapping(document, root, objects, diagnostics);
    }

    private static void ReadMapping(ManifestDocument document, MappingNode mapping, List<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        var apiVersion = mapping.Scalar("apiVersion");
        var kind = mapping.Scalar("kind");
        if (!IsText(apiVersion) || !IsText(kind))
        {
            var missing = (IsText(apiVersion), IsText(kind)) switch
            {
                (false, false) => "'apiVersion' and 'kind' are missing",
                (false, _) => "'apiVersion' is missing or not a string",
                _ => "'kind' is missing or not a string",
            };
            var at = !IsText(apiVersion) ? mapping.KeyNode("apiVersion") ?? mapping : mapping.KeyNode("kind") ?? mapping;
            diagnostics.Add(NotAnObject(document, at, missing));
            return;
        }

        if (kind!.Value.EndsWith("List", StringComparison.Ordinal) && mapping.Sequence("items") is { } items)
        {
            foreach (var item in items.Items)
            {
                if (item is MappingNode itemMapping)
                {
                    ReadMapping(document, itemMapping, objects, diagnostics);
                }
                else
                {
                    diagnostics.Add(NotAnObject(document, item, $"this item of the {kind.Value} is a {item.ShapeName}, not a mapping"));
                }
            }

            return;
        }

        objects.Add(KubeObjectFactory.Create(document, mapping, apiVersion!, kind));
    }

    /// <summary>Neither key: anything but a mapping, or a mapping without apiVersion and kind (one of them alone is a broken manifest).</summary>
    private static bool IsNotAManifest(Node root) =>
        root is not MappingNode mapping || (!mapping.TryGetEntry("apiVersion", out _) && !mapping.TryGetEntry("kind", out _));

    private static bool IsText(ScalarNode? node) => node is { Kind: ScalarKind.String } && node.Value.Length > 0;

    private static Diagnostic NotAnObject(ManifestDocument document, Node at, string reason) => new()
    {
        Descriptor = SHIP0003NotAKubernetesObject.Rule,
        Severity = SHIP0003NotAKubernetesObject.Rule.DefaultSeverity,
        Message = SHIP0003NotAKubernetesObject.Rule.FormatMessage([reason]),
        FilePath = document.File.Path,
        Span = at.Span,
    };
}
