using System.Buffers;
using System.Reflection;

namespace Shipshape.Core.Schema;

/// <summary>
/// An embedded resource's bytes where the runtime keeps them (mapped with the binary), without copying them into a
/// new array. A copy of a 250 KB schema file cost a cold run about a millisecond: the array's fresh pages are
/// faulted in and cleared before a byte is copied.
/// </summary>
internal sealed unsafe class ResourceMemory : MemoryManager<byte>
{
    private readonly byte* _start;
    private readonly int _length;

    private ResourceMemory(byte* start, int length)
    {
        _start = start;
        _length = length;
    }

    /// <summary>The resource's bytes; copied only where the runtime hands out a stream that is not over mapped memory.</summary>
    public static ReadOnlyMemory<byte> Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {assembly.GetName().Name}.");
        if (stream is UnmanagedMemoryStream mapped)
        {
            // The memory belongs to the loaded assembly, which outlives every object of its types, this one included.
            return new ResourceMemory(mapped.PositionPointer, checked((int)mapped.Length)).Memory;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
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
