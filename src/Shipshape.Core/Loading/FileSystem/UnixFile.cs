#if NET
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// Opens a file for reading through the runtime's native shim (libSystem.Native, as <see cref="UnixStat"/>), without
/// the advisory lock .NET takes on Linux and macOS for every file it opens (a shared flock, its emulation of
/// FileShare). A file an editor or a build holds an exclusive lock on would otherwise be unreadable (SHIP0006) to the
/// MSBuild task and the analyzers, whose hosts' settings are not ours; the CLI also turns the locks off process-wide
/// (System.IO.DisableFileLocking in its runtimeconfig). A linter only reads.
/// </summary>
internal static partial class UnixFile
{
    private const string SystemNative = "libSystem.Native";

    // The shim's own flag values (Interop.Sys.OpenFlags), the same on every Unix.
    private const int ReadOnly = 0x0000;
    private const int CloseOnExec = 0x0010;

    // errno values the same on Linux and macOS.
    private const int NoSuchEntry = 2;
    private const int PermissionDenied = 13;
    private const int NotPermitted = 1;

    /// <summary>
    /// A stream that reads the file from its start, or null where the shim is missing (the caller opens the .NET way),
    /// and the file's length.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is gone.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">Any other failure.</exception>
    public static Stream? TryOpenForReading(string path, out long length)
    {
        length = 0;
        IntPtr descriptor;
        try
        {
            descriptor = Open(path, ReadOnly | CloseOnExec, 0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        if (descriptor == -1)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                NoSuchEntry => new FileNotFoundException($"Could not find file '{path}'.", path),
                PermissionDenied or NotPermitted => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno),
            };
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            length = RandomAccess.GetLength(handle);
            return new PositionalReader(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a file from its start with pread(2), keeping the position itself: a FileStream over a handle asks the
    /// kernel where the handle is and whether it can seek (two more system calls per file).
    /// </summary>
    private sealed class PositionalReader(SafeFileHandle handle) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = RandomAccess.Read(handle, buffer, _position);
            _position += read;
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
                handle.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>open(2): the descriptor, or -1 with errno set.</summary>
    [LibraryImport(SystemNative, EntryPoint = "SystemNative_Open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr Open(string path, int flags, int mode);
}
#endif
