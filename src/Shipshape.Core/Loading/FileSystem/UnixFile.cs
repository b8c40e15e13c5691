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

    /// <summary>An unbuffered stream over the file, or null where the shim is missing (the caller opens the .NET way).</summary>
    /// <exception cref="FileNotFoundException">The file is gone.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">Any other failure.</exception>
    public static FileStream? TryOpenForReading(string path)
    {
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
            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>open(2): the descriptor, or -1 with errno set.</summary>
    [LibraryImport(SystemNative, EntryPoint = "SystemNative_Open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr Open(string path, int flags, int mode);
}
#endif
