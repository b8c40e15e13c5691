using System.IO.Hashing;
using System.Text;
using Shipshape.Core.Analysis;

namespace Shipshape.Cli.Output;

/// <summary>
/// A finding's identity that survives edits elsewhere in the file (SARIF's partialFingerprints, GitLab Code Quality's
/// fingerprint, so both track a finding across commits the same way): the rule, the file, the object, and the
/// offending line's text with whitespace normalised, never the line number. Equal keys (the same mistake
/// twice on identical lines) are told apart by their order, as GitHub does for its own line hashes. The hash is
/// XxHash128, not a cryptographic one: a fingerprint needs no secrecy, and a managed hash keeps the static
/// NativeAOT binary from loading OpenSSL (which a statically linked glibc cannot do).
/// </summary>
internal sealed class FindingFingerprints
{
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    // Findings come sorted by file, so the lines of one file at a time are enough.
    private (string Path, string[]? Lines)? _currentFile;

    public string Next(Diagnostic diagnostic, ArtifactLocations locations)
    {
        var resource = diagnostic.Resource is { } r ? $"{r.ApiVersion}|{r.Kind}|{r.Namespace}|{r.Name}" : string.Empty;
        var file = locations.RelativePath(diagnostic.FilePath) ?? diagnostic.FilePath;
        var key = string.Join('\n', diagnostic.Id, file, resource, Normalize(LineText(diagnostic)));
        var hash = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(key)));
        var occurrence = _occurrences[hash] = _occurrences.GetValueOrDefault(hash) + 1;
        return $"{hash}:{occurrence}";
    }

    private string LineText(Diagnostic diagnostic)
    {
        if (_currentFile is not { } current || current.Path != diagnostic.FilePath)
        {
            // The engine releases the text of files on disk once it has analysed them (SourceFile.ReleaseText).
            var text = diagnostic.Object?.Document.File.Text is { Length: > 0 } held ? held : ReadIfFile(diagnostic.FilePath);
            current = (diagnostic.FilePath, text?.Split('\n'));
            _currentFile = current;
        }

        var lines = current.Lines;
        var line = diagnostic.Span.Line - 1;
        return lines is not null && line < lines.Length ? lines[line] : string.Empty;
    }

    private static string? ReadIfFile(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The fingerprint then rests on the rule, file and object alone; the report itself is unaffected.
            return null;
        }
    }

    private static string Normalize(string line) =>
        string.Join(' ', line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
