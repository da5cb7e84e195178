using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// The G2 membership test of <see cref="G2Endomorphism.IsInSubgroup"/> for many points: the 63-bit
/// multiplication [x]Q, which is nearly all of its cost, runs for eight points at a time in
/// <see cref="Fp2Columns"/> (the same doublings and ±Q additions in every column, the NAF of x being fixed);
/// the few remaining additions and ψ maps are scalar. The column formulas have no special cases: a column
/// that meets one (an intermediate point equal to ±Q or the identity, which happens only for points of
/// small order, never in G2) ends with Z = 0 and is decided by the scalar test instead.
/// </summary>
[SkipLocalsInit]
internal static unsafe class G2SubgroupColumns
{
    private const int S = Fp2Columns.Size;

    // Signed binary digits of the seed, most significant first (the top digit is 1).
    private static readonly sbyte[] SeedNaf = MakeNaf(G2Endomorphism.Seed);

    private static sbyte[] MakeNaf(ulong k)
    {
        var digits = new List<sbyte>();
        UInt128 v = k;
        while (v != 0)
        {
            sbyte d = 0;
            if ((v & 1) != 0)
            {
                d = (v & 3) == 3 ? (sbyte)-1 : (sbyte)1;
                v = d == 1 ? v - 1 : v + 1;
            }
            digits.Add(d);
            v >>= 1;
        }
        digits.Reverse();
        return digits.ToArray();
    }

    /// <summary>inG2[i] = points[i].IsInSubgroup (on the twist and of order r; the identity counts) for every i.</summary>
    public static void Check(ReadOnlySpan<G2Affine> points, Span<bool> inG2)
    {
        if (!Lanes8.IsSupported || points.Length < 4)
        {
            for (int i = 0; i < points.Length; i++) inG2[i] = points[i].IsInSubgroup;
            return;
        }
        Fp* q = stackalloc Fp[2 * S];
        Fp* negY = stackalloc Fp[S];
        Fp* t = stackalloc Fp[3 * S];
        for (int start = 0; start < points.Length; start += 8)
        {
            int count = Math.Min(8, points.Length - start);
            for (int c = 0; c < 8; c++)
            {
                // Off-curve points and the identity are decided here; their columns compute on the generator.
                ref readonly G2Affine p = ref points[start + Math.Min(c, count - 1)];
                bool usable = c < count && !p.IsInfinity && p.IsOnCurve;
                if (c < count && !usable) inG2[start + c] = p.IsInfinity;
                G2Affine col = usable ? p : G2Affine.Generator;
                Fp2Columns.Set(q, c, col.X);
                Fp2Columns.Set(q + S, c, col.Y);
            }
            Fp2Columns.Neg(q + S, negY);
            Unsafe.CopyBlock(t, q, 2 * S * (uint)sizeof(Fp));
            Fp2Columns.Broadcast(t + 2 * S, Fp2.One);
            for (int i = 1; i < SeedNaf.Length; i++)
            {
                Double(t);
                if (SeedNaf[i] == 1) AddMixed(t, q, q + S);
                else if (SeedNaf[i] == -1) AddMixed(t, q, negY);
            }
            for (int c = 0; c < count; c++)
            {
                ref readonly G2Affine p = ref points[start + c];
                if (p.IsInfinity || !p.IsOnCurve) continue;
                var xq = new JacobianPoint<Fp2>(Fp2Columns.Get(t, c), Fp2Columns.Get(t + S, c), Fp2Columns.Get(t + 2 * S, c));
                if (xq.Z.IsZero) { inG2[start + c] = p.IsInSubgroup; continue; }
                JacobianPoint<Fp2>.FromAffine(p.X, p.Y, out JacobianPoint<Fp2> pj);
                inG2[start + c] = G2Endomorphism.Criterion(pj, xq);
            }
        }
    }

    // t = 2t ("dbl-2009-l", as JacobianPoint.Double).
    private static void Double(Fp* t)
    {
        Fp* x = t, y = t + S, z = t + 2 * S;
        Fp* w = stackalloc Fp[6 * S];
        Fp* a = w, b = w + S, c = w + 2 * S, d = w + 3 * S, e = w + 4 * S, f = w + 5 * S;
        Fp2Columns.Square(x, a);
        Fp2Columns.Square(y, b);
        Fp2Columns.Square(b, c);
        Fp2Columns.Add(x, b, d);
        Fp2Columns.Square(d, d);
        Fp2Columns.Sub(d, a, d);
        Fp2Columns.Sub(d, c, d);
        Fp2Columns.Double(d, d);
        Fp2Columns.Double(a, e);
        Fp2Columns.Add(e, a, e);
        Fp2Columns.Square(e, f);
        Fp2Columns.Mul(y, z, z);
        Fp2Columns.Double(z, z);
        Fp2Columns.Double(d, x);
        Fp2Columns.Sub(f, x, x);
        Fp2Columns.Sub(d, x, y);
        Fp2Columns.Mul(e, y, y);
        Fp2Columns.Double(c, c);
        Fp2Columns.Double(c, c);
        Fp2Columns.Double(c, c);
        Fp2Columns.Sub(y, c, y);
    }

    // t = t + (qx, qy) ("madd-2007-bl", as JacobianPoint.AddMixed without its special cases; Z3 = 0 flags one).
    private static void AddMixed(Fp* t, Fp* qx, Fp* qy)
    {
        Fp* x = t, y = t + S, z = t + 2 * S;
        Fp* w = stackalloc Fp[9 * S];
        Fp* z1z1 = w, u2 = w + S, s2 = w + 2 * S, h = w + 3 * S, rr = w + 4 * S;
        Fp* hh = w + 5 * S, i = w + 6 * S, j = w + 7 * S, v = w + 8 * S;
        Fp2Columns.Square(z, z1z1);
        Fp2Columns.Mul(qx, z1z1, u2);
        Fp2Columns.Mul(qy, z, s2);
        Fp2Columns.Mul(s2, z1z1, s2);
        Fp2Columns.Sub(u2, x, h);
        Fp2Columns.Sub(s2, y, rr);
        Fp2Columns.Double(rr, rr);
        Fp2Columns.Square(h, hh);
        Fp2Columns.Double(hh, i);
        Fp2Columns.Double(i, i);
        Fp2Columns.Mul(h, i, j);
        Fp2Columns.Mul(x, i, v);
        // Z3 = (Z1 + H)² − Z1Z1 − HH before Z1 is overwritten.
        Fp2Columns.Add(z, h, z);
        Fp2Columns.Square(z, z);
        Fp2Columns.Sub(z, z1z1, z);
        Fp2Columns.Sub(z, hh, z);
        Fp2Columns.Square(rr, x);
        Fp2Columns.Sub(x, j, x);
        Fp2Columns.Sub(x, v, x);
        Fp2Columns.Sub(x, v, x);                 // X3 = r² − J − 2V
        Fp2Columns.Mul(y, j, j);                 // Y1·J (J no longer needed)
        Fp2Columns.Double(j, j);
        Fp2Columns.Sub(v, x, v);
        Fp2Columns.Mul(rr, v, v);
        Fp2Columns.Sub(v, j, y);                 // Y3 = r(V − X3) − 2·Y1·J
    }
}
