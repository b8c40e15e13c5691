namespace Shipshape.Cli.Output;

/// <summary>
/// <c>file:</c> URIs that name exactly the file: every path segment is percent-encoded, '%' included, so a file named
/// <c>%41.yaml</c> becomes <c>%2541.yaml</c>. (<see cref="Uri"/> keeps a '%' that looks like an escape, and a reader
/// then decodes <c>%41</c> to <c>A</c>: another file.)
/// </summary>
public static class FileUri
{
    /// <summary>The URI of an absolute path; a trailing separator stays a trailing slash.</summary>
    public static string FromFullPath(string fullPath)
    {
        var path = Path.DirectorySeparatorChar == '\\' ? fullPath.Replace('\\', '/') : fullPath;
        var escaped = EscapeRelative(path);

        // "/srv/x" is file:///srv/x; a Windows path "C:/x" gets the third slash in front of its drive.
        return path.StartsWith('/') ? "file://" + escaped : "file:///" + escaped;
    }

    /// <summary>A relative reference: each '/'-separated segment percent-encoded, a Windows drive ("C:") kept as it is.</summary>
    public static string EscapeRelative(string path) =>
        string.Join('/', path.Split('/').Select(segment => IsDrive(segment) ? segment : Uri.EscapeDataString(segment)));

    private static bool IsDrive(string segment) =>
        Path.DirectorySeparatorChar == '\\' && segment.Length == 2 && segment[1] == ':' && char.IsAsciiLetter(segment[0]);
}
