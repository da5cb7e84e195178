using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ZkInference.Field.Internal;

/// <summary>
/// Jacobian point formulas for eight independent points at once, every coordinate a <typeparamref name="TLanes"/>
/// (eight field elements in vector registers: <see cref="FpVec8"/> for G1, <see cref="Fp2Vec8"/> for G2).
/// They are the formulas of <see cref="JacobianPoint{T}"/> without the special cases: callers decide per lane
/// what to keep (see <see cref="BatchScalarMul"/>).
/// </summary>
[SkipLocalsInit]
internal static class PointLanes<TLanes, TElement>
    where TLanes : struct, ILaneField<TLanes, TElement> where TElement : unmanaged
{
    /// <summary>(X, Y, Z) ← 2·(X, Y, Z) in every lane ("dbl-2009-l", a = 0; Z = 0 stays 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(ref TLanes x, ref TLanes y, ref TLanes z)
    {
        TLanes.Square(x, out TLanes a);
        TLanes.Square(y, out TLanes b);
        TLanes.Square(b, out TLanes c);
        TLanes.Add(x, b, out TLanes d);
        TLanes.Square(d, out d);
        TLanes.Sub(d, a, out d);
        TLanes.Sub(d, c, out d);
        TLanes.Double(d, out d);
        TLanes.Double(a, out TLanes e);
        TLanes.Add(e, a, out e);
        TLanes.Square(e, out TLanes f);
        TLanes.Mul(y, z, out z);
        TLanes.Double(z, out z);
        TLanes.Double(d, out TLanes d2);
        TLanes.Sub(f, d2, out x);
        TLanes.Sub(d, x, out d);
        TLanes.Mul(e, d, out y);
        TLanes.Double(c, out c);
        TLanes.Double(c, out c);
        TLanes.Double(c, out c);
        TLanes.Sub(y, c, out y);
    }

    /// <summary>
    /// (x3, y3, z3) = (x1, y1, z1) + (x2, y2) in every lane ("madd-2007-bl"), and h = x2·z1² − x1: zero h
    /// means the two points share x (a doubling or a cancellation), which the formula does not handle.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddMixed(in TLanes x1, in TLanes y1, in TLanes z1, in TLanes x2, in TLanes y2,
        out TLanes x3, out TLanes y3, out TLanes z3, out TLanes h)
    {
        TLanes.Square(z1, out TLanes z1z1);
        TLanes.Mul(x2, z1z1, out TLanes u2);
        TLanes.Mul(y2, z1, out TLanes s2);
        TLanes.Mul(s2, z1z1, out s2);
        TLanes.Sub(u2, x1, out h);
        TLanes.Sub(s2, y1, out TLanes rr);
        TLanes.Double(rr, out rr);
        TLanes.Square(h, out TLanes hh);
        TLanes.Double(hh, out TLanes i);
        TLanes.Double(i, out i);
        TLanes.Mul(h, i, out TLanes j);
        TLanes.Mul(x1, i, out TLanes v);
        TLanes.Square(rr, out x3);
        TLanes.Sub(x3, j, out x3);
        TLanes.Sub(x3, v, out x3);
        TLanes.Sub(x3, v, out x3);
        TLanes.Sub(v, x3, out TLanes t);
        TLanes.Mul(rr, t, out y3);
        TLanes.Mul(y1, j, out TLanes yj);
        TLanes.Double(yj, out yj);
        TLanes.Sub(y3, yj, out y3);
        TLanes.Add(z1, h, out z3);
        TLanes.Square(z3, out z3);
        TLanes.Sub(z3, z1z1, out z3);
        TLanes.Sub(z3, hh, out z3);
    }

    /// <summary>
    /// acc += (x2, y2) in the lanes set in <paramref name="adds"/>: a lane at the identity (set in
    /// <paramref name="infinite"/>) takes the point, the others take the sum, and a lane whose sum the formula
    /// cannot form (same x) is marked in <paramref name="exceptional"/> for the caller to redo.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(ref TLanes x, ref TLanes y, ref TLanes z, in TLanes x2, in TLanes y2,
        Vector512<ulong> adds, ref Vector512<ulong> infinite, ref Vector512<ulong> exceptional)
    {
        AddMixed(x, y, z, x2, y2, out TLanes x3, out TLanes y3, out TLanes z3, out TLanes h);
        Vector512<ulong> take = adds & infinite, update = adds & ~infinite;
        exceptional |= update & TLanes.ZeroLanes(h);
        TLanes.Select(update, x3, x, out x);
        TLanes.Select(update, y3, y, out y);
        TLanes.Select(update, z3, z, out z);
        TLanes.Select(take, x2, x, out x);
        TLanes.Select(take, y2, y, out y);
        TLanes.Select(take, TLanes.One, z, out z);
        infinite &= ~adds;
    }

    /// <summary>Writes the eight accumulators to memory and the lane masks out as flags.</summary>
    public static unsafe void Store(in TLanes x, in TLanes y, in TLanes z, Vector512<ulong> infinite, Vector512<ulong> exceptional,
        TElement* xs, TElement* ys, TElement* zs, bool* isInfinite, bool* isExceptional)
    {
        TLanes.Store(x, xs);
        TLanes.Store(y, ys);
        TLanes.Store(z, zs);
        for (int l = 0; l < 8; l++)
        {
            isInfinite[l] = infinite.GetElement(l) != 0;
            isExceptional[l] = exceptional.GetElement(l) != 0;
        }
    }
}
