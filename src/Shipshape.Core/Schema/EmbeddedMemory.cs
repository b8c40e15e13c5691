using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shipshape.Core.Schema;

/// <summary>
/// An embedded file's bytes where the binary keeps them, without copying them into a new array. A copy of a 250 KB
/// schema file cost a cold run about a millisecond: the array's fresh pages are faulted in and cleared before a byte is
/// copied.
/// </summary>
internal sealed unsafe class EmbeddedMemory : MemoryManager<byte>
{
    private readonly byte* _start;
    private readonly int _length;

    private EmbeddedMemory(byte* start, int length)
    {
        _start = start;
        _length = length;
    }

    /// <summary>The bytes of <paramref name="data"/>, one of <see cref="EmbeddedData"/>'s files, as memory.</summary>
    public static ReadOnlyMemory<byte> Over(ReadOnlySpan<byte> data)
    {
#if NET
        // A UTF-8 literal's bytes are the binary's read-only data, which never moves and lives as long as the process.
        return new EmbeddedMemory((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(data)), data.Length).Memory;
#else
        // Where ReadOnlySpan cannot point at static data (netstandard2.0), the compiler makes the literal an array.
        return data.ToArray();
#endif
    }

    public override Span<byte> GetSpan() => new(_start, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

    // The memory is never moved or freed: there is nothing to unpin or dispose.
    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
