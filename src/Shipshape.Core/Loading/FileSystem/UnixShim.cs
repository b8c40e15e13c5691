#if NET
using System.Runtime.InteropServices;

namespace Shipshape.Core.Loading.FileSystem;

/// <summary>
/// The runtime's native shim (libSystem.Native), which every .NET runtime on Unix ships and NativeAOT links in: its
/// functions have one signature and its structures one layout on every Unix and architecture, unlike libc's. Used by
/// <see cref="UnixStat"/>, <see cref="UnixDirectory"/> and <see cref="UnixFile"/>.
/// </summary>
internal static class UnixShim
{
    public const string Library = "libSystem.Native";

    // errno values the same on Linux and macOS.
    private const int NotPermitted = 1;
    private const int NoSuchEntry = 2;
    private const int PermissionDenied = 13;

    /// <summary>The exception .NET itself throws for <paramref name="errno"/> on <paramref name="path"/>, message included.</summary>
    public static Exception Failure(int errno, string path, bool isDirectory) => errno switch
    {
        NoSuchEntry when isDirectory => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."),
        NoSuchEntry => new FileNotFoundException($"Could not find file '{path}'.", path),
        PermissionDenied or NotPermitted => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
        _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno),
    };
}
#endif
