namespace Shipshape.Cli.Terminal;

/// <summary>
/// Standard input as the run reads it, with a copy of what was read for the code frames: a pipe cannot be read a
/// second time. The copy stops at <see cref="MaxCopiedBytes"/>; past that the text report shows no source lines for
/// <c>-</c> rather than holding a second copy of a large stream.
/// </summary>
public sealed class StandardInputCopyStream(Stream input) : Stream
{
    public const int MaxCopiedBytes = 16 * 1024 * 1024;

    private MemoryStream? _copy = new();

    /// <summary>The bytes read so far, or null when there were more than <see cref="MaxCopiedBytes"/>.</summary>
    public byte[]? Bytes => _copy?.ToArray();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = input.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, read));
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = input.Read(buffer);
        Keep(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
