using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ZkInference.Field.Internal;

/// <summary>
/// Many independent scalar multiplications kᵢ·Pᵢ, eight at a time in vector registers (<see cref="PointLanes{TLanes, TElement}"/>).
/// Each scalar is split by the curve's endomorphism: in two ~128-bit halves on G1 (GLV's φ), in four ~66-bit
/// parts on G2 (ψ, <see cref="G2Split4"/>). The parts are recoded in signed radix 16 (33 or 18 digits), and every
/// lane walks the same schedule: four doublings, then one mixed addition per part from a per-lane table
/// of 1·A … 8·A in affine form (mapped by φ or ψ, ψ², ψ³ for the other parts). A lane whose digit is zero keeps its value; a lane still at the identity
/// takes the table point. The one case the formulas do not cover, an addition of two points with the
/// same x, is detected per lane and that lane is recomputed by the one-point multiplication, so every
/// input gets the exact result.
/// </summary>
/// <remarks>
/// The hot methods here, in <see cref="PointLanes{TLanes, TElement}"/> and in <see cref="Fp2Vec8"/> are marked
/// AggressiveOptimization: compiled fully optimized at their first call instead of starting at tier 0, where
/// the vector code runs many times slower and a command of a few seconds (prepare phase2 at small powers)
/// spends a measurable share of its time before the tier-up.
/// </remarks>
[SkipLocalsInit]
internal static unsafe class BatchScalarMul
{
    private const int Windows = 33;   // a 128-bit half: 32 signed radix-16 digits and a carry
    private const int Windows4 = 18;  // a part below 2⁶⁶ (G2Split4.PartBits): 17 digits and a carry
    private const int TableStride = 9 * Lanes;
    private const int Lanes = 8;

    /// <summary>results[i] = scalars[i]·points[i] on G1; results may be the points' own span.</summary>
    public static void G1(ReadOnlySpan<G1Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results)
    {
        int i = 0;
        if (Lanes8.IsSupported)
            for (; i + Lanes <= points.Length; i += Lanes)
                G1Group(points.Slice(i, Lanes), scalars.Slice(i, Lanes), results.Slice(i, Lanes));
        for (; i < points.Length; i++) results[i] = G1Jacobian.Multiply(points[i], scalars[i]);
    }

    /// <summary>results[i] = scalars[i]·points[i] on G2 (points in the subgroup); results may be the points' span.</summary>
    public static void G2(ReadOnlySpan<G2Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results)
    {
        int i = 0;
        if (Lanes8.IsSupported)
            for (; i + Lanes <= points.Length; i += Lanes)
                G2Group(points.Slice(i, Lanes), scalars.Slice(i, Lanes), results.Slice(i, Lanes));
        for (; i < points.Length; i++) results[i] = G2Jacobian.Multiply(points[i], scalars[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void G1Group(ReadOnlySpan<G1Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results)
    {
        G1Jacobian* original = stackalloc G1Jacobian[Lanes];
        Fr* ks = stackalloc Fr[Lanes];
        bool* active = stackalloc bool[Lanes];
        bool* flip = stackalloc bool[Lanes];
        sbyte* da = stackalloc sbyte[2 * Windows * Lanes], db = da + Windows * Lanes;
        Fp* ax = stackalloc Fp[Lanes], ay = stackalloc Fp[Lanes], az = stackalloc Fp[Lanes];
        Span<ulong> limbs = stackalloc ulong[4];

        ToIsomorphicLanes(points, original, ax, ay, az, active, scalars, ks);
        for (int l = 0; l < Lanes; l++)
        {
            Int128 k1 = 0, k2 = 0;
            if (active[l])
            {
                Scalars.ToLimbs(ks[l], limbs);
                Glv.Decompose(limbs, out k1, out k2);
            }
            // A = sign(k1)·P; φ(j·A) = (β·x, y) of j·A, negated when the halves' signs differ.
            if (k1 < 0) Fp.Neg(ay[l], out ay[l]);
            flip[l] = (k1 < 0) != (k2 < 0);
            Recode(k1 < 0 ? (UInt128)(-k1) : (UInt128)k1, da + l, Windows);
            Recode(k2 < 0 ? (UInt128)(-k2) : (UInt128)k2, db + l, Windows);
        }

        Fp* tax = stackalloc Fp[2 * TableStride], tay = stackalloc Fp[2 * TableStride];
        Fp* tbx = tax + TableStride, tby = tay + TableStride;
        BuildTable<FpVec8, Fp>(ax, ay, tax, tay);
        Fp* beta = stackalloc Fp[Lanes];
        for (int l = 0; l < Lanes; l++) beta[l] = Glv.Beta;
        FpVec8.Load(beta, out FpVec8 betaLanes);
        for (int j = 1; j <= 8; j++)
        {
            FpVec8.Load(tax + j * Lanes, out FpVec8 bx);
            FpVec8.Mul(bx, betaLanes, out bx);
            bx.Store(tbx + j * Lanes);
            for (int l = 0; l < Lanes; l++)
            {
                Fp y = tay[j * Lanes + l];
                if (flip[l]) Fp.Neg(y, out y);
                tby[j * Lanes + l] = y;
            }
        }

        Fp* x = stackalloc Fp[Lanes], y2 = stackalloc Fp[Lanes], z = stackalloc Fp[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        Run<FpVec8, Fp>(tax, tay, da, 2, Windows, x, y2, z, infinite, exceptional);
        for (int l = 0; l < Lanes; l++)
        {
            if (!active[l] || infinite[l]) results[l] = G1Jacobian.Infinity;
            else if (exceptional[l]) results[l] = G1Jacobian.Multiply(original[l], ks[l]);
            else
            {
                Fp.Mul(z[l], az[l], out Fp zOut);
                results[l] = G1Jacobian.FromCore(new JacobianPoint<Fp>(x[l], y2[l], zOut));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void G2Group(ReadOnlySpan<G2Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results)
    {
        G2Jacobian* original = stackalloc G2Jacobian[Lanes];
        Fr* ks = stackalloc Fr[Lanes];
        bool* active = stackalloc bool[Lanes];
        sbyte* digits = stackalloc sbyte[4 * Windows4 * Lanes];
        Fp2* ax = stackalloc Fp2[Lanes], ay = stackalloc Fp2[Lanes];
        Span<ulong> limbs = stackalloc ulong[4];
        Span<Int128> parts = stackalloc Int128[4];

        ToAffineLanes(points, original, ax, ay, active, scalars, ks);
        for (int l = 0; l < Lanes; l++)
        {
            parts.Clear();
            if (active[l])
            {
                Scalars.ToLimbs(ks[l], limbs);
                G2Split4.Decompose(limbs, parts);
            }
            for (int t = 0; t < 4; t++)
            {
                sbyte* d = digits + t * Windows4 * Lanes + l;
                Recode(parts[t] < 0 ? (UInt128)(-parts[t]) : (UInt128)parts[t], d, Windows4);
                if (parts[t] < 0)
                    for (int w = 0; w < Windows4; w++) d[w * Lanes] = (sbyte)-d[w * Lanes];
            }
        }

        // Table t holds ψᵗ(j·A).
        Fp2* tx = stackalloc Fp2[4 * TableStride], ty = stackalloc Fp2[4 * TableStride];
        BuildTable<Fp2Vec8, Fp2>(ax, ay, tx, ty);
        for (int t = 1; t < 4; t++)
            for (int j = 1; j <= 8; j++)
            {
                int from = (t - 1) * TableStride + j * Lanes, to = t * TableStride + j * Lanes;
                Fp2Vec8.Load(tx + from, out Fp2Vec8 bx);
                Fp2Vec8.Load(ty + from, out Fp2Vec8 by);
                PsiLanes.Apply(bx, by, out bx, out by);
                Fp2Vec8.Store(bx, tx + to);
                Fp2Vec8.Store(by, ty + to);
            }

        Fp2* x = stackalloc Fp2[Lanes], y = stackalloc Fp2[Lanes], z = stackalloc Fp2[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        Run<Fp2Vec8, Fp2>(tx, ty, digits, 4, Windows4, x, y, z, infinite, exceptional);
        for (int l = 0; l < Lanes; l++)
        {
            if (!active[l] || infinite[l]) results[l] = G2Jacobian.Infinity;
            else if (exceptional[l]) results[l] = G2Jacobian.Multiply(original[l], ks[l]);
            else results[l] = G2Jacobian.FromCore(new JacobianPoint<Fp2>(x[l], y[l], z[l]));
        }
    }

    // Copies the inputs aside (results may alias them) and takes each G1 point (X : Y : Z) as the affine point
    // (X, Y) of the isomorphic curve y² = x³ + b·Z⁶ (the image of (x, y) under (x, y) ↦ (Z²x, Z³y)), so no
    // inversion is needed: the doubling and mixed-addition formulas do not involve b, φ commutes with the
    // isomorphism, and a result (X' : Y' : Z') there is (X' : Y' : Z'·Z) on G1 (the caller multiplies by zs).
    // Lanes with the identity or a zero scalar are inactive and carry the generator (Z = 1) as harmless filler.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ToIsomorphicLanes(ReadOnlySpan<G1Jacobian> points, G1Jacobian* original, Fp* ax, Fp* ay, Fp* zs, bool* active, ReadOnlySpan<Fr> scalars, Fr* ks)
    {
        for (int l = 0; l < Lanes; l++)
        {
            original[l] = points[l];
            ks[l] = scalars[l];
            active[l] = !points[l].IsInfinity && !scalars[l].IsZero;
            if (active[l]) { ax[l] = points[l].X; ay[l] = points[l].Y; zs[l] = points[l].Z; }
            else { ax[l] = G1Affine.Generator.X; ay[l] = G1Affine.Generator.Y; zs[l] = Fp.One; }
        }
    }

    // Copies the inputs aside (results may alias them) and converts the points to affine with one inversion
    // (G2 cannot take G1's isomorphic-curve route: ψ conjugates, which does not commute with scaling by Z ∈ Fp2).
    // Lanes with the identity or a zero scalar are inactive and carry the generator's x, y as harmless filler.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ToAffineLanes(ReadOnlySpan<G2Jacobian> points, G2Jacobian* original, Fp2* ax, Fp2* ay, bool* active, ReadOnlySpan<Fr> scalars, Fr* ks)
    {
        Span<Fp2> zs = stackalloc Fp2[Lanes], scratch = stackalloc Fp2[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            original[l] = points[l];
            ks[l] = scalars[l];
            active[l] = !points[l].IsInfinity && !scalars[l].IsZero;
            zs[l] = active[l] ? points[l].Z : Fp2.One;
        }
        BatchInversion.InvertInPlace(zs, scratch);
        for (int l = 0; l < Lanes; l++)
        {
            if (active[l]) JacobianPoint<Fp2>.FromInverseZ(G2Jacobian.Core(original[l]), zs[l], out ax[l], out ay[l]);
            else { ax[l] = G2Affine.Generator.X; ay[l] = G2Affine.Generator.Y; }
        }
    }

    // Signed radix-16 digits of m < 2^(4·(windows − 1)), least significant first, written every Lanes bytes
    // (window-major).
    private static void Recode(UInt128 m, sbyte* digits, int windows)
    {
        int carry = 0;
        for (int w = 0; w < windows - 1; w++)
        {
            int d = (int)(m & 15) + carry;
            m >>= 4;
            carry = d >= 8 ? 1 : 0;
            digits[w * Lanes] = (sbyte)(d - 16 * carry);
        }
        digits[(windows - 1) * Lanes] = (sbyte)carry;
    }

    // j·A for j = 1 … 8 in affine form, at index j·Lanes + lane. A has prime order r > 8, so no
    // intermediate sum meets the formulas' special cases.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BuildTable<TV, TE>(TE* ax, TE* ay, TE* tx, TE* ty)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        TE* jx = stackalloc TE[7 * Lanes], jy = stackalloc TE[7 * Lanes], jz = stackalloc TE[7 * Lanes];
        TV.Load(ax, out TV x1);
        TV.Load(ay, out TV y1);
        TV x2 = x1, y2 = y1, z2 = TV.One;
        PointLanes<TV, TE>.Double(ref x2, ref y2, ref z2);
        Keep(2, x2, y2, z2);
        PointLanes<TV, TE>.AddMixed(x2, y2, z2, x1, y1, out TV x3, out TV y3, out TV z3, out _);
        Keep(3, x3, y3, z3);
        TV x4 = x2, y4 = y2, z4 = z2;
        PointLanes<TV, TE>.Double(ref x4, ref y4, ref z4);
        Keep(4, x4, y4, z4);
        PointLanes<TV, TE>.AddMixed(x4, y4, z4, x1, y1, out TV x5, out TV y5, out TV z5, out _);
        Keep(5, x5, y5, z5);
        PointLanes<TV, TE>.Double(ref x3, ref y3, ref z3);
        Keep(6, x3, y3, z3);
        PointLanes<TV, TE>.AddMixed(x3, y3, z3, x1, y1, out TV x7, out TV y7, out TV z7, out _);
        Keep(7, x7, y7, z7);
        PointLanes<TV, TE>.Double(ref x4, ref y4, ref z4);
        Keep(8, x4, y4, z4);

        // One inversion for the 56 Z values of 2·A … 8·A, then x = X/Z², y = Y/Z³ eight at a time.
        TE* scratch = stackalloc TE[7 * Lanes];
        BatchInversion.InvertInPlace(new Span<TE>(jz, 7 * Lanes), new Span<TE>(scratch, 7 * Lanes));
        new Span<TE>(ax, Lanes).CopyTo(new Span<TE>(tx + Lanes, Lanes));
        new Span<TE>(ay, Lanes).CopyTo(new Span<TE>(ty + Lanes, Lanes));
        for (int j = 2; j <= 8; j++)
        {
            int at = (j - 2) * Lanes;
            TV.Load(jz + at, out TV zi);
            TV.Square(zi, out TV zi2);
            TV.Load(jx + at, out TV x);
            TV.Mul(x, zi2, out x);
            TV.Store(x, tx + j * Lanes);
            TV.Mul(zi2, zi, out zi2);
            TV.Load(jy + at, out TV y);
            TV.Mul(y, zi2, out y);
            TV.Store(y, ty + j * Lanes);
        }

        void Keep(int j, in TV x, in TV y, in TV z)
        {
            int at = (j - 2) * Lanes;
            TV.Store(x, jx + at);
            TV.Store(y, jy + at);
            TV.Store(z, jz + at);
        }
    }

    // The shared schedule: from the top window down, four doublings, then each part's digit (table t at
    // t·TableStride, its digits at t·windows·Lanes). The accumulators stay in registers; the identity and same-x
    // lanes are tracked as lane masks.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TV, TE>(TE* tx, TE* ty, sbyte* digits, int tables, int windows, TE* x, TE* y, TE* z, bool* infinite, bool* exceptional)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        TV ax = TV.One, ay = TV.One, az = default;
        Vector512<ulong> inf = Vector512<ulong>.AllBitsSet, exc = Vector512<ulong>.Zero;
        int top = windows - 1;
        while (top >= 0 && AllZeroAt(digits, tables, windows, top)) top--;
        bool started = false;
        for (int w = top; w >= 0; w--)
        {
            if (started)
                for (int s = 0; s < 4; s++) PointLanes<TV, TE>.Double(ref ax, ref ay, ref az);
            for (int t = 0; t < tables; t++)
                started |= AddDigits<TV, TE>(tx + t * TableStride, ty + t * TableStride, digits + (t * windows + w) * Lanes, ref ax, ref ay, ref az, ref inf, ref exc);
        }
        PointLanes<TV, TE>.Store(ax, ay, az, inf, exc, x, y, z, infinite, exceptional);
    }

    private static bool AllZero(sbyte* d) => *(ulong*)d == 0;

    private static bool AllZeroAt(sbyte* digits, int tables, int windows, int w)
    {
        for (int t = 0; t < tables; t++)
            if (!AllZero(digits + (t * windows + w) * Lanes)) return false;
        return true;
    }

    // acc += digit·(table point) in every lane whose digit is non-zero; returns whether any lane added.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AddDigits<TV, TE>(TE* tx, TE* ty, sbyte* digits, ref TV x, ref TV y, ref TV z,
        ref Vector512<ulong> inf, ref Vector512<ulong> exc)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        if (AllZero(digits)) return false;
        TE* px = stackalloc TE[Lanes], py = stackalloc TE[Lanes];
        ulong* nonZero = stackalloc ulong[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            int d = digits[l];
            int index = (d == 0 ? 1 : Math.Abs(d)) * Lanes + l;
            px[l] = tx[index];
            if (d < 0) TE.Neg(ty[index], out py[l]);
            else py[l] = ty[index];
            nonZero[l] = d != 0 ? ulong.MaxValue : 0;
        }
        TV.Load(px, out TV x2);
        TV.Load(py, out TV y2);
        Vector512<ulong> adds = Vector512.Load(nonZero);
        PointLanes<TV, TE>.Accumulate(ref x, ref y, ref z, x2, y2, adds, ref inf, ref exc);
        return true;
    }
}
