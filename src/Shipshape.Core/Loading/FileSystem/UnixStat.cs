#if NET
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// stat(2), lstat(2) and fstat(2) through the runtime's own native shim (libSystem.Native, which every .NET runtime on
/// Unix ships and NativeAOT links in): its FileStatus has one layout on every Unix and architecture, unlike libc's
/// struct stat, and the kind bits of its Mode are POSIX's.
/// </summary>
internal static partial class UnixStat
{
    private const int KindMask = 0xF000;

    public static PathStatus? TryQuery(string path, bool followLinks)
    {
        try
        {
            var result = followLinks ? Stat(path, out var status) : LStat(path, out status);
            return result == 0 ? From(status) : PathStatus.Missing;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim (none is known): fall back to what attributes tell.
            return null;
        }
    }

    /// <summary>The status of this process's standard input (descriptor 0), or null when it cannot be known.</summary>
    public static PathStatus? TryQueryStandardInput()
    {
        try
        {
            using var handle = new SafeFileHandle(0, ownsHandle: false);
            return FStat(handle, out var status) == 0 ? From(status) : null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static PathStatus From(in FileStatus status)
    {
        var kind = (status.Mode & KindMask) switch
        {
            0x8000 => PathKind.RegularFile,
            0x4000 => PathKind.Directory,
            0xA000 => PathKind.SymbolicLink,
            0x1000 => PathKind.Pipe,
            0xC000 => PathKind.Socket,
            0x2000 => PathKind.CharacterDevice,
            0x6000 => PathKind.BlockDevice,
            _ => PathKind.Other,
        };
        return new PathStatus(kind, status.Size, new FileIdentity(status.Dev, status.Ino, null));
    }

    [LibraryImport(UnixShim.Library, EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, out FileStatus output);

    [LibraryImport(UnixShim.Library, EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, out FileStatus output);

    [LibraryImport(UnixShim.Library, EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static partial int FStat(SafeHandle fd, out FileStatus output);

    /// <summary>The shim's FileStatus (src/native/libs/System.Native/pal_io.h), field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }
}
#endif
