using System.Text;
using Shipshape.Core.Loading;
using Shipshape.Core.Syntax;

namespace Shipshape.Core.Tests.Loading;

/// <summary>
/// A loaded file as text, to compare two readers of the same YAML: shared by the loader tests and the fuzz
/// harness, which checks the block reader against SharpYaml on every input AFL++ makes.
/// </summary>
internal static class LoadedFileDescription
{
    /// <summary>One line per node (kind, span, tag, style, value) and per finding, in document order.</summary>
    public static string Describe(LoadedFile file)
    {
        var text = new StringBuilder();
        foreach (var document in file.Documents)
        {
            text.Append("document ").Append(document.Index).Append('\n');
            Describe(document.Root, text, "  ");
        }

        foreach (var diagnostic in file.Diagnostics)
        {
            text.Append(diagnostic.Id).Append(' ').Append(diagnostic.Span).Append('-').Append(diagnostic.Span.EndLine).Append(':').Append(diagnostic.Span.EndColumn)
                .Append(' ').Append(diagnostic.Message).Append('\n');
        }

        return text.ToString();
    }

    private static void Describe(Node node, StringBuilder text, string indent)
    {
        text.Append(indent).Append(node.ShapeName).Append(' ').Append(node.Span).Append('-').Append(node.Span.EndLine).Append(':').Append(node.Span.EndColumn)
            .Append(' ').Append(node.Tag ?? "-");
        switch (node)
        {
            case ScalarNode scalar:
                text.Append(scalar.IsPlain ? " plain " : " styled ").Append(Quote(scalar.Value)).Append('\n');
                break;
            case MappingNode mapping:
                text.Append('\n');
                foreach (var entry in mapping.Entries)
                {
                    Describe(entry.Key, text, indent + "  ");
                    Describe(entry.Value, text, indent + "    ");
                }

                break;
            case SequenceNode sequence:
                text.Append('\n');
                foreach (var item in sequence.Items)
                {
                    Describe(item, text, indent + "  ");
                }

                break;
        }
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
