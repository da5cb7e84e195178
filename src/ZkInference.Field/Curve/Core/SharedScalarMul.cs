using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ZkInference.Field.Internal;

/// <summary>
/// k·Pᵢ for many points and one scalar k, eight points at a time in vector registers. k is split once (GLV's
/// φ on G1 in two halves, ψ on G2 in four parts, as in <see cref="BatchScalarMul"/>) and its parts recoded once;
/// because every lane then has the same digits, the parts can be written in width-5 NAF (odd digits up to ±15,
/// one non-zero digit in about six) where independent scalars need fixed signed radix-16 windows: about 22 mixed
/// additions per 128-bit half instead of 32, each taking one table entry already in registers. The per-lane table
/// holds the odd multiples A, 3A, …, 15A in affine form (mapped by φ or ψ, ψ², ψ³ for the other parts). Identity inputs, a zero scalar and the same-x case are handled as in
/// <see cref="BatchScalarMul"/> (filler lanes; a same-x lane is recomputed by the one-point multiplication).
/// </summary>
[SkipLocalsInit]
internal static unsafe class SharedScalarMul
{
    private const int Lanes = 8;
    private const int Odd = Wnaf.TableSize;
    private const int MaxDigits = 132;

    /// <summary>results[i] = k·points[i] on G1; results may be the points' own span.</summary>
    public static void G1(ReadOnlySpan<G1Jacobian> points, in Fr k, Span<G1Jacobian> results)
    {
        int i = 0;
        if (Lanes8.IsSupported && points.Length >= Lanes && !k.IsZero)
        {
            Span<ulong> limbs = stackalloc ulong[4];
            Scalars.ToLimbs(k, limbs);
            Glv.Decompose(limbs, out Int128 k1, out Int128 k2);
            sbyte* d1 = stackalloc sbyte[MaxDigits], d2 = stackalloc sbyte[MaxDigits];
            var digits = new Schedule(2);
            digits.Set(0, d1, Naf((UInt128)(k1 < 0 ? -k1 : k1), d1));
            digits.Set(1, d2, Naf((UInt128)(k2 < 0 ? -k2 : k2), d2));
            // A = sign(k1)·P; the second table is φ of the first, negated when the halves' signs differ.
            bool negate = k1 < 0, flip = (k1 < 0) != (k2 < 0);
            for (; i + Lanes <= points.Length; i += Lanes)
                G1Group(points.Slice(i, Lanes), k, negate, flip, digits, results.Slice(i, Lanes));
        }
        for (; i < points.Length; i++) results[i] = G1Jacobian.Multiply(points[i], k);
    }

    /// <summary>results[i] = k·points[i] on G2 (points in the subgroup); results may be the points' span.</summary>
    public static void G2(ReadOnlySpan<G2Jacobian> points, in Fr k, Span<G2Jacobian> results)
    {
        int i = 0;
        if (Lanes8.IsSupported && points.Length >= Lanes && !k.IsZero)
        {
            Span<ulong> limbs = stackalloc ulong[4];
            Scalars.ToLimbs(k, limbs);
            Span<Int128> parts = stackalloc Int128[4];
            G2Split4.Decompose(limbs, parts);
            sbyte* all = stackalloc sbyte[4 * MaxDigits];
            var digits = new Schedule(4);
            for (int t = 0; t < 4; t++)
            {
                // A negative part takes the NAF of its magnitude with every digit negated.
                sbyte* d = all + t * MaxDigits;
                int length = Naf(parts[t] < 0 ? (UInt128)(-parts[t]) : (UInt128)parts[t], d);
                if (parts[t] < 0)
                    for (int n = 0; n < length; n++) d[n] = (sbyte)-d[n];
                digits.Set(t, d, length);
            }
            for (; i + Lanes <= points.Length; i += Lanes)
                G2Group(points.Slice(i, Lanes), k, digits, results.Slice(i, Lanes));
        }
        for (; i < points.Length; i++) results[i] = G2Jacobian.Multiply(points[i], k);
    }

    // The digit strings (least significant first) of the parts: two on G1, four on G2.
    private struct Schedule(int count)
    {
        public readonly int Count = count;
        private fixed long strings[4];
        private fixed int lengths[4];

        public void Set(int part, sbyte* digits, int length)
        {
            strings[part] = (long)digits;
            lengths[part] = length;
        }

        public readonly int Length(int part) => lengths[part];

        public readonly int Digit(int part, int i) => i < lengths[part] ? ((sbyte*)strings[part])[i] : 0;

        public readonly int MaxLength()
        {
            int m = 0;
            for (int t = 0; t < Count; t++) m = Math.Max(m, lengths[t]);
            return m;
        }
    }

    private static int Naf(UInt128 m, sbyte* digits)
    {
        Span<ulong> work = stackalloc ulong[3];
        work[0] = (ulong)m;
        work[1] = (ulong)(m >> 64);
        work[2] = 0;
        return Wnaf.Digits(work, Wnaf.Window, new Span<sbyte>(digits, MaxDigits));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void G1Group(ReadOnlySpan<G1Jacobian> points, in Fr k, bool negate, bool flip, in Schedule digits, Span<G1Jacobian> results)
    {
        G1Jacobian* original = stackalloc G1Jacobian[Lanes];
        Fr* ks = stackalloc Fr[Lanes];
        bool* active = stackalloc bool[Lanes];
        Fp* ax = stackalloc Fp[Lanes], ay = stackalloc Fp[Lanes], az = stackalloc Fp[Lanes];
        Span<Fr> same = stackalloc Fr[Lanes];
        same.Fill(k);
        BatchScalarMul.ToIsomorphicLanes(points, original, ax, ay, az, active, same, ks);
        if (negate)
            for (int l = 0; l < Lanes; l++) Fp.Neg(ay[l], out ay[l]);

        FpVec8* tax = stackalloc FpVec8[2 * Odd], tay = stackalloc FpVec8[2 * Odd];
        FpVec8* tbx = tax + Odd, tby = tay + Odd;
        OddMultiples<FpVec8, Fp>(ax, ay, tax, tay);
        Fp* beta = stackalloc Fp[Lanes];
        for (int l = 0; l < Lanes; l++) beta[l] = Glv.Beta;
        FpVec8.Load(beta, out FpVec8 betaLanes);
        for (int j = 0; j < Odd; j++)
        {
            FpVec8.Mul(tax[j], betaLanes, out tbx[j]);
            if (flip) FpVec8.Neg(tay[j], out tby[j]);
            else tby[j] = tay[j];
        }

        Fp* x = stackalloc Fp[Lanes], y = stackalloc Fp[Lanes], z = stackalloc Fp[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        Run<FpVec8, Fp>(tax, tay, digits, x, y, z, infinite, exceptional);
        for (int l = 0; l < Lanes; l++)
        {
            if (!active[l] || infinite[l]) results[l] = G1Jacobian.Infinity;
            else if (exceptional[l]) results[l] = G1Jacobian.Multiply(original[l], k);
            else
            {
                Fp.Mul(z[l], az[l], out Fp zOut);
                results[l] = G1Jacobian.FromCore(new JacobianPoint<Fp>(x[l], y[l], zOut));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void G2Group(ReadOnlySpan<G2Jacobian> points, in Fr k, in Schedule digits, Span<G2Jacobian> results)
    {
        G2Jacobian* original = stackalloc G2Jacobian[Lanes];
        Fr* ks = stackalloc Fr[Lanes];
        bool* active = stackalloc bool[Lanes];
        Fp2* ax = stackalloc Fp2[Lanes], ay = stackalloc Fp2[Lanes];
        Span<Fr> same = stackalloc Fr[Lanes];
        same.Fill(k);
        BatchScalarMul.ToAffineLanes(points, original, ax, ay, active, same, ks);

        // Table t holds ψᵗ of the odd multiples.
        Fp2Vec8* tx = stackalloc Fp2Vec8[4 * Odd], ty = stackalloc Fp2Vec8[4 * Odd];
        OddMultiples<Fp2Vec8, Fp2>(ax, ay, tx, ty);
        for (int j = Odd; j < 4 * Odd; j++) PsiLanes.Apply(tx[j - Odd], ty[j - Odd], out tx[j], out ty[j]);

        Fp2* x = stackalloc Fp2[Lanes], y = stackalloc Fp2[Lanes], z = stackalloc Fp2[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        Run<Fp2Vec8, Fp2>(tx, ty, digits, x, y, z, infinite, exceptional);
        for (int l = 0; l < Lanes; l++)
        {
            if (!active[l] || infinite[l]) results[l] = G2Jacobian.Infinity;
            else if (exceptional[l]) results[l] = G2Jacobian.Multiply(original[l], k);
            else results[l] = G2Jacobian.FromCore(new JacobianPoint<Fp2>(x[l], y[l], z[l]));
        }
    }

    // (2j + 1)·A for j = 0 … 7 in affine form, in the lanes' layout. Every m·A up to 15A is formed, an even m
    // by doubling (m/2)·A and an odd m as (m − 1)·A + A, so each step is a doubling or a mixed addition with
    // the affine A. A has prime order r > 15, so no intermediate sum meets the formulas' special cases.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OddMultiples<TV, TE>(TE* ax, TE* ay, TV* tx, TV* ty)
        where TV : unmanaged, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        // Jacobian m·A for m = 1 … 15 at index m − 1 (only the odd ones from 3 on are kept past the loop).
        TV* jx = stackalloc TV[15], jy = stackalloc TV[15], jz = stackalloc TV[15];
        TV.Load(ax, out TV x1);
        TV.Load(ay, out TV y1);
        jx[0] = x1; jy[0] = y1; jz[0] = TV.One;
        for (int m = 2; m <= 15; m++)
        {
            if ((m & 1) == 0)
            {
                TV x = jx[m / 2 - 1], y = jy[m / 2 - 1], z = jz[m / 2 - 1];
                PointLanes<TV, TE>.Double(ref x, ref y, ref z);
                jx[m - 1] = x; jy[m - 1] = y; jz[m - 1] = z;
            }
            else
            {
                PointLanes<TV, TE>.AddMixed(jx[m - 2], jy[m - 2], jz[m - 2], x1, y1, out jx[m - 1], out jy[m - 1], out jz[m - 1], out _);
            }
        }

        // One inversion for the 56 Z values of 3A, 5A, …, 15A, then x = X/Z², y = Y/Z³ eight at a time.
        TE* zs = stackalloc TE[(Odd - 1) * Lanes], scratch = stackalloc TE[(Odd - 1) * Lanes];
        for (int j = 1; j < Odd; j++) TV.Store(jz[2 * j], zs + (j - 1) * Lanes);
        BatchInversion.InvertInPlace(new Span<TE>(zs, (Odd - 1) * Lanes), new Span<TE>(scratch, (Odd - 1) * Lanes));
        tx[0] = x1;
        ty[0] = y1;
        for (int j = 1; j < Odd; j++)
        {
            TV.Load(zs + (j - 1) * Lanes, out TV zi);
            TV.Square(zi, out TV zi2);
            TV.Mul(jx[2 * j], zi2, out tx[j]);
            TV.Mul(zi2, zi, out zi2);
            TV.Mul(jy[2 * j], zi2, out ty[j]);
        }
    }

    // From the top digit down: one doubling per digit position (once the accumulator holds a point), then each
    // part's digit (table t at t·Odd), a mixed addition of ±table entry in every lane at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TV, TE>(TV* tx, TV* ty, in Schedule digits, TE* x, TE* y, TE* z, bool* infinite, bool* exceptional)
        where TV : unmanaged, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        TV ax = TV.One, ay = TV.One, az = default;
        Vector512<ulong> all = Vector512<ulong>.AllBitsSet;
        Vector512<ulong> inf = Vector512<ulong>.AllBitsSet, exc = Vector512<ulong>.Zero;
        bool started = false;
        for (int i = digits.MaxLength() - 1; i >= 0; i--)
        {
            if (started) PointLanes<TV, TE>.Double(ref ax, ref ay, ref az);
            for (int t = 0; t < digits.Count; t++)
            {
                int d = digits.Digit(t, i);
                if (d != 0) { Add<TV, TE>(tx + t * Odd, ty + t * Odd, d, ref ax, ref ay, ref az, all, ref inf, ref exc); started = true; }
            }
        }
        PointLanes<TV, TE>.Store(ax, ay, az, inf, exc, x, y, z, infinite, exceptional);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add<TV, TE>(TV* tx, TV* ty, int digit, ref TV x, ref TV y, ref TV z, Vector512<ulong> all,
        ref Vector512<ulong> inf, ref Vector512<ulong> exc)
        where TV : unmanaged, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        int j = (digit < 0 ? -digit : digit) >> 1;
        if (digit > 0)
        {
            PointLanes<TV, TE>.Accumulate(ref x, ref y, ref z, tx[j], ty[j], all, ref inf, ref exc);
        }
        else
        {
            TV.Sub(default, ty[j], out TV negY);
            PointLanes<TV, TE>.Accumulate(ref x, ref y, ref z, tx[j], negY, all, ref inf, ref exc);
        }
    }
}
