using System.Buffers;

namespace Shipshape.Core.Loading;

/// <summary>
/// Buffers for the text of a file while it is analysed. Typical manifests (a few KB) take theirs from
/// <see cref="ArrayPool{T}.Shared"/>, so a run over thousands of files reuses a few buffers instead of allocating and
/// clearing one per file. A large file (a CustomResourceDefinition of a megabyte) reuses the one large buffer its
/// thread keeps, grown to the largest file that thread has read: the shared pool would round it up to the next power
/// of two and keep several per thread (measured on the benchmark's ×10 corpus: 25 MB of 2 and 4 MB arrays held to
/// the end), and a new array per large file is a third of all the memory a run allocates.
/// </summary>
internal static class FileBuffers
{
    /// <summary>The largest buffer (in characters) that comes from the shared pool: above the 99th percentile of real manifests' sizes.</summary>
    internal const int MaxPooledLength = 256 * 1024;

    /// <summary>
    /// This thread's large buffer while no file holds it. A rented buffer leaves the slot, and a returned one goes to
    /// the slot of the thread that returns it, so no two files can ever share one.
    /// </summary>
    [ThreadStatic]
    private static char[]? t_large;

    public static char[] Rent(int length)
    {
        if (length <= MaxPooledLength)
        {
            return ArrayPool<char>.Shared.Rent(length);
        }

        var large = t_large;
        if (large is not null && large.Length >= length)
        {
            t_large = null;
            return large;
        }

#if NET
        return GC.AllocateUninitializedArray<char>(length);
#else
        return new char[length];
#endif
    }

    public static void Return(char[] buffer)
    {
        if (buffer.Length <= MaxPooledLength)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        else if (t_large is null || t_large.Length < buffer.Length)
        {
            t_large = buffer;
        }
    }
}
