#if NET
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// Opens a file for reading through the runtime's native shim (libSystem.Native, as <see cref="UnixStat"/>), without
/// the advisory lock .NET takes on Linux and macOS for every file it opens (a shared flock, its emulation of
/// FileShare). A file an editor or a build holds an exclusive lock on would otherwise be unreadable (SHIP0006) to the
/// MSBuild task, whose host's settings are not ours; the CLI also turns the locks off process-wide
/// (System.IO.DisableFileLocking in its runtimeconfig). A linter only reads.
/// </summary>
internal static partial class UnixFile
{
    // The shim's own flag values (Interop.Sys.OpenFlags), the same on every Unix.
    private const int ReadOnly = 0x0000;
    private const int CloseOnExec = 0x0010;

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
            throw UnixShim.Failure(Marshal.GetLastPInvokeError(), path, isDirectory: false);
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
    private sealed class PositionalReader(SafeFileHandle handle) : ForwardOnlyStream
    {
        private long _position;

        public override int Read(Span<byte> buffer)
        {
            var read = RandomAccess.Read(handle, buffer, _position);
            _position += read;
            return read;
        }

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
    [LibraryImport(UnixShim.Library, EntryPoint = "SystemNative_Open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr Open(string path, int flags, int mode);
}
#endif
