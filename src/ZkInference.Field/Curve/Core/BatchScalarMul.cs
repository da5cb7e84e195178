using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Many independent scalar multiplications kᵢ·Pᵢ, eight at a time in the lanes of <see cref="PointLanes{T}"/>.
/// Each scalar is split in two ~128-bit halves by the curve's endomorphism (GLV's φ on G1, ψ on G2, as
/// the one-point multiplications do), both halves are recoded in signed radix 16 (33 digits), and every
/// lane walks the same schedule: four doublings, then one mixed addition per half from a per-lane table
/// of 1·A … 8·A in affine form. A lane whose digit is zero keeps its value; a lane still at the identity
/// takes the table point. The one case the formulas do not cover, an addition of two points with the
/// same x, is detected per lane and that lane is recomputed by the one-point multiplication, so every
/// input gets the exact result.
/// </summary>
[SkipLocalsInit]
internal static unsafe class BatchScalarMul
{
    private const int Windows = 33;
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

    private static void G1Group(ReadOnlySpan<G1Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results)
    {
        G1Jacobian* original = stackalloc G1Jacobian[Lanes];
        Fr* ks = stackalloc Fr[Lanes];
        bool* active = stackalloc bool[Lanes];
        bool* flip = stackalloc bool[Lanes];
        sbyte* da = stackalloc sbyte[Windows * Lanes], db = stackalloc sbyte[Windows * Lanes];
        Fp* ax = stackalloc Fp[Lanes], ay = stackalloc Fp[Lanes];
        Span<ulong> limbs = stackalloc ulong[4];

        ToAffineLanes(points, original, ax, ay, active, scalars, ks);
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
            Recode(k1 < 0 ? (UInt128)(-k1) : (UInt128)k1, da + l);
            Recode(k2 < 0 ? (UInt128)(-k2) : (UInt128)k2, db + l);
        }

        Fp* tax = stackalloc Fp[9 * Lanes], tay = stackalloc Fp[9 * Lanes];
        Fp* tbx = stackalloc Fp[9 * Lanes], tby = stackalloc Fp[9 * Lanes];
        BuildTable(ax, ay, tax, tay);
        Fp* beta = stackalloc Fp[Lanes];
        for (int l = 0; l < Lanes; l++) beta[l] = Glv.Beta;
        for (int j = 1; j <= 8; j++)
        {
            Fp.Mul8(tax + j * Lanes, beta, tbx + j * Lanes);
            for (int l = 0; l < Lanes; l++)
            {
                Fp y = tay[j * Lanes + l];
                if (flip[l]) Fp.Neg(y, out y);
                tby[j * Lanes + l] = y;
            }
        }

        Fp* x = stackalloc Fp[Lanes], y2 = stackalloc Fp[Lanes], z = stackalloc Fp[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        Run(tax, tay, tbx, tby, da, db, x, y2, z, infinite, exceptional);
        for (int l = 0; l < Lanes; l++)
        {
            if (!active[l] || infinite[l]) results[l] = G1Jacobian.Infinity;
            else if (exceptional[l]) results[l] = G1Jacobian.Multiply(original[l], ks[l]);
            else results[l] = G1Jacobian.FromCore(new JacobianPoint<Fp>(x[l], y2[l], z[l]));
        }
    }

    private static void G2Group(ReadOnlySpan<G2Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results)
    {
        G2Jacobian* original = stackalloc G2Jacobian[Lanes];
        Fr* ks = stackalloc Fr[Lanes];
        bool* active = stackalloc bool[Lanes];
        sbyte* da = stackalloc sbyte[Windows * Lanes], db = stackalloc sbyte[Windows * Lanes];
        Fp2* ax = stackalloc Fp2[Lanes], ay = stackalloc Fp2[Lanes];
        Span<ulong> limbs = stackalloc ulong[4];

        ToAffineLanes(points, original, ax, ay, active, scalars, ks);
        for (int l = 0; l < Lanes; l++)
        {
            UInt128 k0 = 0, k1 = 0;
            if (active[l])
            {
                Scalars.ToLimbs(ks[l], limbs);
                G2Split.Decompose(limbs, out k0, out k1);
            }
            Recode(k0, da + l);
            Recode(k1, db + l);
        }

        Fp2* tax = stackalloc Fp2[9 * Lanes], tay = stackalloc Fp2[9 * Lanes];
        Fp2* tbx = stackalloc Fp2[9 * Lanes], tby = stackalloc Fp2[9 * Lanes];
        BuildTable(ax, ay, tax, tay);
        // ψ(j·A) = (cx·conj(x), cy·conj(y)) on affine points.
        Fp2* cx = stackalloc Fp2[Lanes], cy = stackalloc Fp2[Lanes];
        for (int l = 0; l < Lanes; l++) { cx[l] = G2Endomorphism.CoefficientX; cy[l] = G2Endomorphism.CoefficientY; }
        for (int j = 1; j <= 8; j++)
        {
            for (int l = 0; l < Lanes; l++)
            {
                Fp2.Conjugate(tax[j * Lanes + l], out tbx[j * Lanes + l]);
                Fp2.Conjugate(tay[j * Lanes + l], out tby[j * Lanes + l]);
            }
            Fp2Lanes.Mul8(tbx + j * Lanes, cx, tbx + j * Lanes);
            Fp2Lanes.Mul8(tby + j * Lanes, cy, tby + j * Lanes);
        }

        Fp2* x = stackalloc Fp2[Lanes], y = stackalloc Fp2[Lanes], z = stackalloc Fp2[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        Run(tax, tay, tbx, tby, da, db, x, y, z, infinite, exceptional);
        for (int l = 0; l < Lanes; l++)
        {
            if (!active[l] || infinite[l]) results[l] = G2Jacobian.Infinity;
            else if (exceptional[l]) results[l] = G2Jacobian.Multiply(original[l], ks[l]);
            else results[l] = G2Jacobian.FromCore(new JacobianPoint<Fp2>(x[l], y[l], z[l]));
        }
    }

    // Copies the inputs aside (results may alias them) and converts the points to affine with one inversion.
    // Lanes with the identity or a zero scalar are inactive and carry the generator's x, y as harmless filler.
    private static void ToAffineLanes(ReadOnlySpan<G1Jacobian> points, G1Jacobian* original, Fp* ax, Fp* ay, bool* active, ReadOnlySpan<Fr> scalars, Fr* ks)
    {
        Span<Fp> zs = stackalloc Fp[Lanes], scratch = stackalloc Fp[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            original[l] = points[l];
            ks[l] = scalars[l];
            active[l] = !points[l].IsInfinity && !scalars[l].IsZero;
            zs[l] = active[l] ? points[l].Z : Fp.One;
        }
        BatchInversion.InvertInPlace(zs, scratch);
        for (int l = 0; l < Lanes; l++)
        {
            if (active[l]) JacobianPoint<Fp>.FromInverseZ(G1Jacobian.Core(original[l]), zs[l], out ax[l], out ay[l]);
            else { ax[l] = G1Affine.Generator.X; ay[l] = G1Affine.Generator.Y; }
        }
    }

    private static void ToAffineLanes(ReadOnlySpan<G2Jacobian> points, G2Jacobian* original, Fp2* ax, Fp2* ay, bool* active, ReadOnlySpan<Fr> scalars, Fr* ks)
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

    // Signed radix-16 digits of m < 2¹²⁸, least significant first, written every Lanes bytes (window-major).
    private static void Recode(UInt128 m, sbyte* digits)
    {
        int carry = 0;
        for (int w = 0; w < Windows - 1; w++)
        {
            int d = (int)(m & 15) + carry;
            m >>= 4;
            carry = d >= 8 ? 1 : 0;
            digits[w * Lanes] = (sbyte)(d - 16 * carry);
        }
        digits[(Windows - 1) * Lanes] = (sbyte)carry;
    }

    // j·A for j = 1 … 8 in affine form, at index j·Lanes + lane. A has prime order r > 8, so no
    // intermediate sum meets the formulas' special cases.
    private static void BuildTable<T>(T* ax, T* ay, T* tx, T* ty) where T : unmanaged, IField<T>
    {
        T* jx = stackalloc T[9 * Lanes], jy = stackalloc T[9 * Lanes], jz = stackalloc T[9 * Lanes], h = stackalloc T[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            jx[Lanes + l] = ax[l]; jy[Lanes + l] = ay[l]; jz[Lanes + l] = T.One;
        }
        for (int j = 2; j <= 8; j++)
        {
            T* x = jx + j * Lanes, y = jy + j * Lanes, z = jz + j * Lanes;
            if (j % 2 == 0)
            {
                // j·A = 2·(j/2)·A
                new Span<T>(jx + j / 2 * Lanes, Lanes).CopyTo(new Span<T>(x, Lanes));
                new Span<T>(jy + j / 2 * Lanes, Lanes).CopyTo(new Span<T>(y, Lanes));
                new Span<T>(jz + j / 2 * Lanes, Lanes).CopyTo(new Span<T>(z, Lanes));
                PointLanes<T>.Double8(x, y, z);
            }
            else
            {
                // j·A = (j − 1)·A + A
                PointLanes<T>.AddMixed8(jx + (j - 1) * Lanes, jy + (j - 1) * Lanes, jz + (j - 1) * Lanes, ax, ay, x, y, z, h);
            }
        }
        // One inversion for the 56 Z values of 2·A … 8·A, then x = X/Z², y = Y/Z³ eight at a time.
        T* zi = stackalloc T[7 * Lanes], scratch = stackalloc T[7 * Lanes], zi2 = stackalloc T[Lanes];
        new Span<T>(jz + 2 * Lanes, 7 * Lanes).CopyTo(new Span<T>(zi, 7 * Lanes));
        BatchInversion.InvertInPlace(new Span<T>(zi, 7 * Lanes), new Span<T>(scratch, 7 * Lanes));
        for (int l = 0; l < Lanes; l++) { tx[Lanes + l] = ax[l]; ty[Lanes + l] = ay[l]; }
        for (int j = 2; j <= 8; j++)
        {
            T* inv = zi + (j - 2) * Lanes;
            PointLanes<T>.Mul8(inv, inv, zi2);
            PointLanes<T>.Mul8(jx + j * Lanes, zi2, tx + j * Lanes);
            PointLanes<T>.Mul8(zi2, inv, zi2);
            PointLanes<T>.Mul8(jy + j * Lanes, zi2, ty + j * Lanes);
        }
    }

    // The shared schedule: from the top window down, four doublings, then the A digit and the B digit.
    private static void Run<T>(T* tax, T* tay, T* tbx, T* tby, sbyte* da, sbyte* db, T* x, T* y, T* z, bool* infinite, bool* exceptional)
        where T : unmanaged, IField<T>
    {
        for (int l = 0; l < Lanes; l++) { infinite[l] = true; exceptional[l] = false; x[l] = T.One; y[l] = T.One; z[l] = T.Zero; }
        int top = Windows - 1;
        while (top >= 0 && AllZero(da + top * Lanes) && AllZero(db + top * Lanes)) top--;
        bool started = false;
        for (int w = top; w >= 0; w--)
        {
            if (started)
                for (int s = 0; s < 4; s++) PointLanes<T>.Double8(x, y, z);
            started |= AddDigits(tax, tay, da + w * Lanes, x, y, z, infinite, exceptional);
            started |= AddDigits(tbx, tby, db + w * Lanes, x, y, z, infinite, exceptional);
        }
    }

    private static bool AllZero(sbyte* d) => *(ulong*)d == 0;

    // acc += digit·(table point) in every lane whose digit is non-zero; returns whether any lane added.
    private static bool AddDigits<T>(T* tx, T* ty, sbyte* digits, T* x, T* y, T* z, bool* infinite, bool* exceptional)
        where T : unmanaged, IField<T>
    {
        if (AllZero(digits)) return false;
        T* x2 = stackalloc T[Lanes], y2 = stackalloc T[Lanes];
        T* x3 = stackalloc T[Lanes], y3 = stackalloc T[Lanes], z3 = stackalloc T[Lanes], h = stackalloc T[Lanes];
        for (int l = 0; l < Lanes; l++)
        {
            int d = digits[l];
            int index = (d == 0 ? 1 : Math.Abs(d)) * Lanes + l;
            x2[l] = tx[index];
            if (d < 0) T.Neg(ty[index], out y2[l]);
            else y2[l] = ty[index];
        }
        PointLanes<T>.AddMixed8(x, y, z, x2, y2, x3, y3, z3, h);
        for (int l = 0; l < Lanes; l++)
        {
            if (digits[l] == 0) continue;
            if (infinite[l])
            {
                x[l] = x2[l]; y[l] = y2[l]; z[l] = T.One;
                infinite[l] = false;
            }
            else if (h[l].IsZero) exceptional[l] = true;
            else { x[l] = x3[l]; y[l] = y3[l]; z[l] = z3[l]; }
        }
        return true;
    }
}
