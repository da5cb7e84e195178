using System.Runtime.CompilerServices;

namespace ZkInference.Circuit.Internal;

/// <summary>An append-only array that doubles when full; the backing array is handed out without copying.</summary>
internal struct GrowArray<T>
{
    private T[] _items;
    private int _count;

    public GrowArray(int capacity) { _items = capacity == 0 ? [] : new T[capacity]; _count = 0; }

    public GrowArray(T[] items, int count) { _items = items; _count = count; }

    public readonly int Count => _count;

    public readonly T[] Items => _items;

    public readonly Span<T> AsSpan() => _items.AsSpan(0, _count);

    public readonly ref T this[int index] => ref _items[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item)
    {
        if (_count == _items.Length) Grow(_count + 1);
        _items[_count++] = item;
    }

    public void EnsureCapacity(int needed)
    {
        if (needed > _items.Length) Grow(needed);
    }

    /// <summary>Shrinks the backing array to the count (one copy), for long-lived storage.</summary>
    public void Trim()
    {
        if (_items.Length != _count) Array.Resize(ref _items, _count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        long next = Math.Max(Math.Max(4L, needed), _items.Length * 2L);
        if (next > Array.MaxLength) next = Math.Max(needed, Array.MaxLength);
        Array.Resize(ref _items, (int)next);
    }
}
