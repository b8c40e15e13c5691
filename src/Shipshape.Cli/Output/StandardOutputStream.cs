namespace Shipshape.Cli.Output;

/// <summary>
/// Standard output as the reports see it. A write that fails (a full disk, <c>/dev/full</c>, a closed descriptor)
/// becomes a <see cref="ReportWriteException"/>, which ends the run with exit code 2 and one line, and every later
/// write is dropped, so the final flush at exit cannot fail a second time and abort the process. The console is
/// opened at the first write: a run whose reports all go to files does not need standard output at all. A reader
/// that went away (<c>| head</c>) is no error: what is written after it is dropped, as .NET's console stream does.
/// </summary>
public sealed class StandardOutputStream(Func<Stream> open) : Stream
{
    /// <summary>EPIPE on Linux and macOS, which .NET gives as the <see cref="Exception.HResult"/> of the IOException.</summary>
    private const int BrokenPipe = 32;

    private Stream? _console;
    private bool _failed;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            _console ??= open();
            _console.Write(buffer);
        }
        catch (IOException exception) when (exception.HResult == BrokenPipe)
        {
            _failed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _failed = true;
            throw new ReportWriteException(exception);
        }
    }

    public override void Flush()
    {
        if (_failed || _console is null)
        {
            return;
        }

        try
        {
            _console.Flush();
        }
        catch (IOException exception)
        {
            _failed = true;
            throw new ReportWriteException(exception);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _console?.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A report could not be written to standard output; exit code 2 with the system's reason.</summary>
public sealed class ReportWriteException(Exception inner) : Exception(Describe(inner), inner)
{
    /// <summary>The system's reason; .NET reports a closed descriptor (EBADF) as a denied access, which would mislead.</summary>
    private static string Describe(Exception inner) => inner is UnauthorizedAccessException
        ? "cannot write the report: standard output is closed or not writable"
        : $"cannot write the report: {inner.Message}";
}
