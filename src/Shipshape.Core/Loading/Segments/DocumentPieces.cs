using Shipshape.Core.Analysis;
using Shipshape.Core.Rules.Input;

namespace Shipshape.Core.Loading.Segments;

/// <summary>
/// Reads a range of a stream one document at a time: the range is cut at every line that starts with a <c>---</c>
/// marker (YAML forbids such a line inside any node, even a quoted or block scalar), the block reader reads each
/// piece it can, and SharpYaml each piece it cannot. A syntax error loses only its own piece, and every piece is read
/// once, so the time is linear in the text whatever the number of errors; a file with an error near the end of 20 MB
/// is read as fast as one without.
/// </summary>
/// <remarks>
/// Lines are counted as SharpYaml counts them (a lone \r, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end lines too),
/// so a piece's positions are those of the whole file. The block reader reads only pieces without such characters.
/// </remarks>
internal static class DocumentPieces
{
    /// <summary>What reading the pieces met that the caller may have to act on.</summary>
    public readonly record struct Outcome(bool SawSyntaxError, bool SawComplexKey);

    /// <param name="blockReaderFirst">False reads every piece with SharpYaml (tests compare both readers).</param>
    public static Outcome Read(
        SourceFile file, char[] characters, BlockYamlReader.TextSegment range, LoaderLimits limits, bool blockReaderFirst,
        List<ManifestDocument> documents, List<Diagnostic> diagnostics)
    {
        var sawSyntaxError = false;
        var sawComplexKey = false;
        foreach (var piece in Split(characters, range))
        {
            var (documentCount, diagnosticCount) = (documents.Count, diagnostics.Count);
            var blockBuilder = new YamlLoader.DocumentBuilder(file, limits, 0, documents, diagnostics);
            if (blockReaderFirst && BlockYamlReader.TryReadSegment(characters, piece, blockBuilder, limits.MaxDepth))
            {
                if (blockBuilder.StoppedFile)
                {
                    break;
                }

                continue;
            }

            documents.RemoveRange(documentCount, documents.Count - documentCount);
            diagnostics.RemoveRange(diagnosticCount, diagnostics.Count - diagnosticCount);
            var builder = new YamlLoader.DocumentBuilder(file, limits, piece.FirstLine - 1, documents, diagnostics);
            builder.ComplexKeySeen += () => sawComplexKey = true;
            builder.Parse(new string(characters, piece.Start, piece.End - piece.Start));
            for (var i = diagnosticCount; i < diagnostics.Count && !sawSyntaxError; i++)
            {
                sawSyntaxError = diagnostics[i].Descriptor == SHIP0001YamlSyntaxError.Rule;
            }

            if (builder.StoppedFile)
            {
                break;
            }
        }

        return new Outcome(sawSyntaxError, sawComplexKey);
    }

    /// <summary>The pieces of <paramref name="range"/>, each but the first starting at a <c>---</c> line.</summary>
    private static IEnumerable<BlockYamlReader.TextSegment> Split(char[] text, BlockYamlReader.TextSegment range)
    {
        var start = range.Start;
        var firstLine = range.FirstLine;
        var line = range.FirstLine;
        var lineStart = range.Start;
        while (true)
        {
            if (lineStart > start && DocumentMarkers.IsDocumentMarkerLine(text, lineStart, range.End))
            {
                yield return new BlockYamlReader.TextSegment(start, lineStart, firstLine);
                start = lineStart;
                firstLine = line;
            }

            lineStart = DocumentMarkers.NextLineStart(text, lineStart, range.End);
            if (lineStart < 0)
            {
                break;
            }

            line++;
        }

        yield return new BlockYamlReader.TextSegment(start, range.End, firstLine);
    }
}
