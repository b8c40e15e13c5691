using System.Collections;

namespace Shipshape.Core.Syntax;

/// <summary>
/// An array seen as a read-only list whose <c>foreach</c> allocates nothing: the children of a mapping or sequence,
/// the containers of a pod, the entries of a label map.
/// </summary>
/// <remarks>
/// Trees and objects are walked many times (schema validation, typed objects, every rule), and a <c>foreach</c> over
/// an <see cref="IReadOnlyList{T}"/> allocates an enumerator each time: 15 MB of a ten-copy corpus run for the nodes
/// alone. This struct enumerates its array directly; used as an interface it behaves like any other list.
/// </remarks>
public readonly struct ReadOnlyArray<T> : IReadOnlyList<T>
{
    private readonly T[]? _items;

    internal ReadOnlyArray(T[] items)
    {
        _items = items;
    }

    public int Count => _items?.Length ?? 0;

    public T this[int index] => (_items ?? [])[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public Enumerator GetEnumerator() => new(_items ?? []);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}
