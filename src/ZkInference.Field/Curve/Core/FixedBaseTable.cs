using System.Runtime.Intrinsics;

namespace ZkInference.Field.Internal;

/// <summary>
/// The window table behind <see cref="G1FixedBase"/> and <see cref="G2FixedBase"/>, over either curve's
/// coordinate field: entry w·255 + d − 1 is d·2⁸ʷ·P in affine form, and a product sums one entry per
/// non-zero byte of the scalar, eight products at a time in <typeparamref name="TV"/> lanes.
/// </summary>
internal sealed unsafe class FixedBaseTable<TV, TE>
    where TV : struct, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
{
    private const int Windows = 32, Digits = 255, Lanes = 8;
    private readonly TE[] _x, _y;
    private readonly bool _identity;

    public FixedBaseTable(in TE x, in TE y)
    {
        _identity = x.IsZero && y.IsZero;
        var jac = new JacobianPoint<TE>[Windows * Digits];
        JacobianPoint<TE>.FromAffine(x, y, out JacobianPoint<TE> baseK);
        for (int w = 0; w < Windows; w++)
        {
            JacobianPoint<TE> acc = baseK;
            for (int d = 0; d < Digits; d++)
            {
                jac[w * Digits + d] = acc;
                JacobianPoint<TE>.Add(acc, baseK, out acc);
            }
            baseK = acc; // 256·(previous base)
        }
        _x = new TE[jac.Length];
        _y = new TE[jac.Length];
        BatchInversion.ToAffine<TE>(jac, _x, _y);
    }

    public void Multiply(ReadOnlySpan<Fr> scalars, Span<JacobianPoint<TE>> results)
    {
        if (scalars.Length != results.Length)
            throw new ArgumentException($"{scalars.Length} scalars but room for {results.Length} results");
        if (_identity)
        {
            results.Fill(JacobianPoint<TE>.Infinity);
            return;
        }
        byte* digits = stackalloc byte[Windows * Lanes];
        TE* x = stackalloc TE[Lanes], y = stackalloc TE[Lanes], z = stackalloc TE[Lanes];
        bool* infinite = stackalloc bool[Lanes], exceptional = stackalloc bool[Lanes];
        int i = 0;
        fixed (TE* tx = _x, ty = _y)
        {
            if (Lanes8.IsSupported)
                for (; i + Lanes <= scalars.Length; i += Lanes)
                {
                    Digitize(scalars.Slice(i, Lanes), digits);
                    Run(tx, ty, digits, x, y, z, infinite, exceptional);
                    for (int l = 0; l < Lanes; l++)
                        results[i + l] = infinite[l] ? JacobianPoint<TE>.Infinity
                            : exceptional[l] ? OneByOne(scalars[i + l])
                            : new JacobianPoint<TE>(x[l], y[l], z[l]);
                }
        }
        for (; i < scalars.Length; i++) results[i] = OneByOne(scalars[i]);
    }

    private JacobianPoint<TE> OneByOne(in Fr k)
    {
        k.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
        JacobianPoint<TE> acc = JacobianPoint<TE>.Infinity;
        for (int w = 0; w < Windows; w++)
        {
            int digit = (int)((limbs[w / 8] >> (w % 8 * 8)) & 0xFF);
            if (digit != 0) JacobianPoint<TE>.AddMixed(acc, _x[w * Digits + digit - 1], _y[w * Digits + digit - 1], out acc);
        }
        return acc;
    }

    // Byte w of scalar l's canonical value at digits[w·8 + l].
    private static void Digitize(ReadOnlySpan<Fr> scalars, byte* digits)
    {
        for (int l = 0; l < Lanes; l++)
        {
            scalars[l].ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
            ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
            for (int w = 0; w < Windows; w++) digits[w * Lanes + l] = (byte)(limbs[w / 8] >> (w % 8 * 8));
        }
    }

    // Σ_w digit_w·2^(8w)·P per lane. Partial sums of a canonical scalar stay below r and below the next
    // table entry, so the same-x case cannot arise; it is still detected and reported, never trusted.
    private static void Run(TE* tx, TE* ty, byte* digits, TE* x, TE* y, TE* z, bool* infinite, bool* exceptional)
    {
        TV ax = TV.One, ay = TV.One, az = default;
        Vector512<ulong> inf = Vector512<ulong>.AllBitsSet, exc = Vector512<ulong>.Zero;
        TE* px = stackalloc TE[Lanes], py = stackalloc TE[Lanes];
        ulong* nonZero = stackalloc ulong[Lanes];
        for (int w = 0; w < Windows; w++)
        {
            byte* d = digits + w * Lanes;
            if (*(ulong*)d == 0) continue;
            for (int l = 0; l < Lanes; l++)
            {
                int index = w * Digits + (d[l] == 0 ? 0 : d[l] - 1);
                px[l] = tx[index];
                py[l] = ty[index];
                nonZero[l] = d[l] != 0 ? ulong.MaxValue : 0;
            }
            TV.Load(px, out TV x2);
            TV.Load(py, out TV y2);
            PointLanes<TV, TE>.Accumulate(ref ax, ref ay, ref az, x2, y2, Vector512.Load(nonZero), ref inf, ref exc);
        }
        PointLanes<TV, TE>.Store(ax, ay, az, inf, exc, x, y, z, infinite, exceptional);
    }
}
