using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ZkInference.Field.Internal;

/// <summary>
/// Group FFT butterflies (a, b) ← (a + b, a − b) on Jacobian points, eight pairs at a time in vector registers.
/// The sum and the difference share all of "add-2007-bl" but its last products (−b differs from b only in
/// the sign of y), so a pair costs 12M + 6S in the lanes instead of two 11M + 5S one-point additions. A pair
/// the formula does not cover (either point the identity, or a and b with the same x) is recomputed by the
/// one-point additions, which handle every case.
/// </summary>
[SkipLocalsInit]
internal static unsafe class PointButterflies
{
    private const int Lanes = 8;

    /// <summary>(a[i], b[i]) ← (a[i] + b[i], a[i] − b[i]) on G1.</summary>
    public static void G1(Span<G1Jacobian> a, Span<G1Jacobian> b) =>
        Many<FpVec8, Fp>(MemoryMarshal.Cast<G1Jacobian, JacobianPoint<Fp>>(a), MemoryMarshal.Cast<G1Jacobian, JacobianPoint<Fp>>(b));

    /// <summary>(a[i], b[i]) ← (a[i] + b[i], a[i] − b[i]) on G2.</summary>
    public static void G2(Span<G2Jacobian> a, Span<G2Jacobian> b) =>
        Many<Fp2Vec8, Fp2>(MemoryMarshal.Cast<G2Jacobian, JacobianPoint<Fp2>>(a), MemoryMarshal.Cast<G2Jacobian, JacobianPoint<Fp2>>(b));

    // The curve points as their Jacobian cores (G1Jacobian and G2Jacobian are laid out as JacobianPoint<Fp/Fp2>,
    // which their Core accessors rely on too).
    private static void Many<TV, TE>(Span<JacobianPoint<TE>> a, Span<JacobianPoint<TE>> b)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        int i = 0;
        if (Lanes8.IsSupported)
        {
            TE* c = stackalloc TE[6 * Lanes], o = stackalloc TE[5 * Lanes];
            bool* special = stackalloc bool[Lanes];
            for (; i + Lanes <= a.Length; i += Lanes)
            {
                for (int l = 0; l < Lanes; l++)
                {
                    ref readonly JacobianPoint<TE> p = ref a[i + l], q = ref b[i + l];
                    c[l] = p.X; c[Lanes + l] = p.Y; c[2 * Lanes + l] = p.Z;
                    c[3 * Lanes + l] = q.X; c[4 * Lanes + l] = q.Y; c[5 * Lanes + l] = q.Z;
                }
                Run<TV, TE>(c, o, special);
                for (int l = 0; l < Lanes; l++)
                {
                    if (special[l]) OnePoint(ref a[i + l], ref b[i + l]);
                    else
                    {
                        a[i + l] = new JacobianPoint<TE>(o[l], o[Lanes + l], o[2 * Lanes + l]);
                        b[i + l] = new JacobianPoint<TE>(o[3 * Lanes + l], o[4 * Lanes + l], o[2 * Lanes + l]);
                    }
                }
            }
        }
        for (; i < a.Length; i++) OnePoint(ref a[i], ref b[i]);
    }

    private static void OnePoint<TE>(ref JacobianPoint<TE> a, ref JacobianPoint<TE> b) where TE : unmanaged, IField<TE>
    {
        JacobianPoint<TE> u = a;
        JacobianPoint<TE>.Negate(b, out JacobianPoint<TE> minus);
        JacobianPoint<TE>.Add(u, b, out a);
        JacobianPoint<TE>.Add(u, minus, out b);
    }

    // c holds X1, Y1, Z1, X2, Y2, Z2 (eight of each); o receives X and Y of the sum, the shared Z, X and Y of
    // the difference; special flags the lanes left to the one-point additions.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TV, TE>(TE* c, TE* o, bool* special)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged
    {
        TV.Load(c, out TV x1);
        TV.Load(c + Lanes, out TV y1);
        TV.Load(c + 2 * Lanes, out TV z1);
        TV.Load(c + 3 * Lanes, out TV x2);
        TV.Load(c + 4 * Lanes, out TV y2);
        TV.Load(c + 5 * Lanes, out TV z2);
        TV.Square(z1, out TV z1z1);
        TV.Square(z2, out TV z2z2);
        TV.Mul(x1, z2z2, out TV u1);
        TV.Mul(x2, z1z1, out TV u2);
        TV.Mul(y1, z2, out TV s1);
        TV.Mul(s1, z2z2, out s1);
        TV.Mul(y2, z1, out TV s2);
        TV.Mul(s2, z1z1, out s2);
        TV.Sub(u2, u1, out TV h);
        Vector512<ulong> bad = TV.ZeroLanes(z1) | TV.ZeroLanes(z2) | TV.ZeroLanes(h);
        TV.Double(h, out TV i);
        TV.Square(i, out i);
        TV.Mul(h, i, out TV j);
        TV.Mul(u1, i, out TV v);
        TV.Mul(s1, j, out TV s1j);
        TV.Double(s1j, out s1j);
        TV.Add(z1, z2, out TV z3);
        TV.Square(z3, out z3);
        TV.Sub(z3, z1z1, out z3);
        TV.Sub(z3, z2z2, out z3);
        TV.Mul(z3, h, out z3);
        // Sum: r = 2(S2 − S1). Difference: −b has −S2, so r = −2(S2 + S1).
        TV.Sub(s2, s1, out TV rr);
        TV.Double(rr, out rr);
        Finish<TV, TE>(rr, j, v, s1j, out TV sx, out TV sy);
        TV.Add(s2, s1, out TV rd);
        TV.Double(rd, out rd);
        TV.Sub(default, rd, out rd);
        Finish<TV, TE>(rd, j, v, s1j, out TV dx, out TV dy);
        TV.Store(sx, o);
        TV.Store(sy, o + Lanes);
        TV.Store(z3, o + 2 * Lanes);
        TV.Store(dx, o + 3 * Lanes);
        TV.Store(dy, o + 4 * Lanes);
        for (int l = 0; l < Lanes; l++) special[l] = bad.GetElement(l) != 0;
    }

    // X3 = r² − J − 2V, Y3 = r(V − X3) − 2·S1·J.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TV, TE>(in TV rr, in TV j, in TV v, in TV s1j, out TV x3, out TV y3)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged
    {
        TV.Square(rr, out x3);
        TV.Sub(x3, j, out x3);
        TV.Sub(x3, v, out x3);
        TV.Sub(x3, v, out x3);
        TV.Sub(v, x3, out y3);
        TV.Mul(rr, y3, out y3);
        TV.Sub(y3, s1j, out y3);
    }
}
