namespace Shipshape.Core.Loading;

/// <summary>A file (or standard input) as read: its path as the user gave it and its text.</summary>
public sealed class SourceFile
{
    /// <summary>The path under which standard input is reported.</summary>
    public const string StandardInputPath = "<stdin>";

    private char[]? _pooled;
    private int _pooledLength;
    private string? _text;

    public SourceFile(string path, string text)
    {
        Path = path;
        _text = text;
    }

    /// <summary>Text decoded into a buffer from <see cref="FileBuffers"/>; <see cref="ReleaseText"/> returns it (files on disk only: other text is kept).</summary>
    internal SourceFile(string path, char[] pooled, int length)
    {
        Path = path;
        _pooled = pooled;
        _pooledLength = length;
    }

    /// <summary>True for a file a directory walk found: a document in it with neither apiVersion nor kind is not a manifest, and is skipped.</summary>
    internal bool IsDiscovered { get; init; }

    /// <summary>The path as given on the command line (or found under a given directory), used in every report.</summary>
    public string Path { get; }

    /// <summary>
    /// The whole text; empty once the run has released it (<see cref="ReleaseText"/>). For a file read into a pooled
    /// buffer the string is made on first use: the engine's own reading goes through <see cref="Content"/>.
    /// </summary>
    public string Text => _text ??= _pooled is null ? string.Empty : new string(_pooled, 0, _pooledLength);

    /// <summary>The text without making a string of it.</summary>
    internal ReadOnlySpan<char> Content => _text is not null ? _text.AsSpan() : _pooled.AsSpan(0, _pooledLength);

    /// <summary>The text as an array the block reader may read directly: the pooled buffer, or a copy of the string.</summary>
    internal (char[] Characters, int Length) Characters() =>
        _pooled is not null ? (_pooled, _pooledLength) : (Text.ToCharArray(), Text.Length);

    /// <summary>
    /// Drops the text of a file on disk once the run has analysed it, so a run over many files does not hold them
    /// all; the few later readers (SARIF fingerprints) read the file again.
    /// </summary>
    internal void ReleaseText()
    {
        if (_pooled is not null)
        {
            FileBuffers.Return(_pooled);
            _pooled = null;
        }

        _text = string.Empty;
    }
}
