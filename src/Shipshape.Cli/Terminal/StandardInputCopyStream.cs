using Shipshape.Core.Loading;

namespace Shipshape.Cli.Terminal;

/// <summary>
/// Standard input as the run reads it, with a copy of what was read for the code frames: a pipe cannot be read a
/// second time. The copy stops at <see cref="MaxCopiedBytes"/>; past that the text report shows no source lines for
/// <c>-</c> rather than holding a second copy of a large stream.
/// </summary>
public sealed class StandardInputCopyStream(Stream input) : ForwardOnlyStream
{
    public const int MaxCopiedBytes = 16 * 1024 * 1024;

    private MemoryStream? _copy = new();

    /// <summary>The bytes read so far, or null when there were more than <see cref="MaxCopiedBytes"/>.</summary>
    public byte[]? Bytes => _copy?.ToArray();

    public override int Read(Span<byte> buffer)
    {
        var read = input.Read(buffer);
        Keep(buffer[..read]);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            input.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null)
        {
            return;
        }

        if (_copy.Length + bytes.Length > MaxCopiedBytes)
        {
            _copy = null;
            return;
        }

        _copy.Write(bytes);
    }
}
