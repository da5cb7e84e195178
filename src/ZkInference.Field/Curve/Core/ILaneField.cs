using System.Runtime.Intrinsics;

namespace ZkInference.Field.Internal;

/// <summary>
/// Eight field elements in vector registers (<typeparamref name="TLanes"/>) over a field whose elements are
/// <typeparamref name="TElement"/> in memory: what the lane point formulas (<see cref="PointLanes{TLanes, TElement}"/>)
/// need. Implemented by <see cref="FpVec8"/> (G1) and <see cref="Fp2Vec8"/> (G2).
/// </summary>
internal unsafe interface ILaneField<TLanes, TElement> where TLanes : struct where TElement : unmanaged
{
    /// <summary>One in every lane.</summary>
    static abstract TLanes One { get; }

    /// <summary>Eight consecutive elements from p.</summary>
    static abstract void Load(TElement* p, out TLanes r);

    /// <summary>Writes the eight elements to p.</summary>
    static abstract void Store(in TLanes v, TElement* p);

    /// <summary>r = a·b.</summary>
    static abstract void Mul(in TLanes a, in TLanes b, out TLanes r);

    /// <summary>r = a².</summary>
    static abstract void Square(in TLanes a, out TLanes r);

    /// <summary>r = a + b.</summary>
    static abstract void Add(in TLanes a, in TLanes b, out TLanes r);

    /// <summary>r = a − b.</summary>
    static abstract void Sub(in TLanes a, in TLanes b, out TLanes r);

    /// <summary>r = 2a.</summary>
    static abstract void Double(in TLanes a, out TLanes r);

    /// <summary>Lane k of r is a's where keep's lane k is all ones, b's where it is zero.</summary>
    static abstract void Select(Vector512<ulong> keep, in TLanes a, in TLanes b, out TLanes r);

    /// <summary>All ones in the lanes holding zero, zero elsewhere.</summary>
    static abstract Vector512<ulong> ZeroLanes(in TLanes a);
}
