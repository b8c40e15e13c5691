namespace Shipshape.Core.Loading;

/// <summary>A file (or standard input) as read: its path as the user gave it and its text.</summary>
public sealed class SourceFile
{
    /// <summary>The path under which standard input is reported.</summary>
    public const string StandardInputPath = "<stdin>";

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as given on the command line (or found under a given directory), used in every report.</summary>
    public string Path { get; }

    /// <summary>The whole text; empty once the run has released it (<see cref="ReleaseText"/>).</summary>
    public string Text { get; private set; }

    /// <summary>
    /// Drops the text of a file on disk once the run has analysed it, so a run over many files does not hold them
    /// all; the few later readers (SARIF fingerprints) read the file again.
    /// </summary>
    internal void ReleaseText() => Text = string.Empty;
}
