using System.Buffers;

namespace Shipshape.Core.Loading;

/// <summary>
/// Buffers for a file's bytes and text while it is read. Typical manifests (a few KB) take theirs from
/// <see cref="ArrayPool{T}.Shared"/>, so a run over thousands of files reuses a few buffers instead of allocating and
/// zeroing one per file. A large file (a CustomResourceDefinition of a megabyte) gets an array of exactly its size
/// that dies with it: the shared pool would round it up to the next power of two and keep it, per thread, for the rest
/// of the run (measured on the benchmark's ×10 corpus: 25 MB of 2 and 4 MB arrays held to the end, a quarter of
/// the peak memory).
/// </summary>
internal static class FileBuffers
{
    /// <summary>The largest buffer (in elements) that is pooled: above the 99th percentile of real manifests' sizes.</summary>
    internal const int MaxPooledLength = 256 * 1024;

    public static T[] Rent<T>(int length) =>
        length <= MaxPooledLength ? ArrayPool<T>.Shared.Rent(length)
#if NET
        : GC.AllocateUninitializedArray<T>(length);
#else
        : new T[length];
#endif

    public static void Return<T>(T[] buffer)
    {
        if (buffer.Length <= MaxPooledLength)
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }
}
