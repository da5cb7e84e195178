using System.Runtime.Intrinsics;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// Many scalar multiplications of one fixed point (a trusted setup multiplies the generators by every wire's
/// scalars): a table of d·2⁸ᵏ·P (k &lt; 32, d = 1 … 255) in affine form, so each product is at most 32 mixed
/// additions, eight products at a time in vector registers where AVX-512 is present.
/// </summary>
public sealed unsafe class G1FixedBase
{
    private readonly Fp[] _x, _y;

    /// <summary>Builds the table for <paramref name="point"/> (255·32 points; about a millisecond).</summary>
    public G1FixedBase(in G1Affine point)
    {
        var jac = new G1Jacobian[FixedBaseTable.Entries];
        G1Jacobian baseK = G1Jacobian.FromAffine(point);
        for (int k = 0; k < FixedBaseTable.Windows; k++)
        {
            G1Jacobian acc = baseK;
            for (int d = 0; d < FixedBaseTable.Digits; d++) { jac[k * FixedBaseTable.Digits + d] = acc; acc += baseK; }
            baseK = acc; // 256·(previous base)
        }
        var affine = new G1Affine[jac.Length];
        G1Jacobian.BatchToAffine(jac, affine);
        _x = affine.Select(a => a.X).ToArray();
        _y = affine.Select(a => a.Y).ToArray();
    }

    /// <summary>results[i] = scalars[i]·P.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Multiply(ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results)
    {
        FixedBaseTable.CheckLengths(scalars.Length, results.Length);
        Span<byte> digits = stackalloc byte[FixedBaseTable.Windows * 8];
        Fp* x = stackalloc Fp[8], y = stackalloc Fp[8], z = stackalloc Fp[8];
        bool* infinite = stackalloc bool[8], exceptional = stackalloc bool[8];
        int i = 0;
        fixed (Fp* tx = _x, ty = _y)
        {
            if (Lanes8.IsSupported)
                for (; i + 8 <= scalars.Length; i += 8)
                {
                    FixedBaseTable.Digitize(scalars.Slice(i, 8), digits);
                    fixed (byte* d = digits) FixedBaseTable.Run<FpVec8, Fp>(tx, ty, d, x, y, z, infinite, exceptional);
                    for (int l = 0; l < 8; l++)
                        results[i + l] = infinite[l] ? G1Jacobian.Infinity
                            : exceptional[l] ? OneByOne(scalars[i + l])
                            : G1Jacobian.FromCore(new JacobianPoint<Fp>(x[l], y[l], z[l]));
                }
        }
        for (; i < scalars.Length; i++) results[i] = OneByOne(scalars[i]);
    }

    private G1Jacobian OneByOne(in Fr k)
    {
        k.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int w = 0; w < FixedBaseTable.Windows; w++)
        {
            int digit = (int)((limbs[w / 8] >> (w % 8 * 8)) & 0xFF);
            if (digit != 0) acc += new G1Affine(_x[w * FixedBaseTable.Digits + digit - 1], _y[w * FixedBaseTable.Digits + digit - 1]);
        }
        return acc;
    }
}

/// <summary>The G2 counterpart of <see cref="G1FixedBase"/>.</summary>
public sealed unsafe class G2FixedBase
{
    private readonly Fp2[] _x, _y;

    /// <summary>Builds the table for <paramref name="point"/>.</summary>
    public G2FixedBase(in G2Affine point)
    {
        var jac = new G2Jacobian[FixedBaseTable.Entries];
        G2Jacobian baseK = G2Jacobian.FromAffine(point);
        for (int k = 0; k < FixedBaseTable.Windows; k++)
        {
            G2Jacobian acc = baseK;
            for (int d = 0; d < FixedBaseTable.Digits; d++) { jac[k * FixedBaseTable.Digits + d] = acc; acc += baseK; }
            baseK = acc;
        }
        var affine = new G2Affine[jac.Length];
        G2Jacobian.BatchToAffine(jac, affine);
        _x = affine.Select(a => a.X).ToArray();
        _y = affine.Select(a => a.Y).ToArray();
    }

    /// <summary>results[i] = scalars[i]·P.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Multiply(ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results)
    {
        FixedBaseTable.CheckLengths(scalars.Length, results.Length);
        Span<byte> digits = stackalloc byte[FixedBaseTable.Windows * 8];
        Fp2* x = stackalloc Fp2[8], y = stackalloc Fp2[8], z = stackalloc Fp2[8];
        bool* infinite = stackalloc bool[8], exceptional = stackalloc bool[8];
        int i = 0;
        fixed (Fp2* tx = _x, ty = _y)
        {
            if (Lanes8.IsSupported)
                for (; i + 8 <= scalars.Length; i += 8)
                {
                    FixedBaseTable.Digitize(scalars.Slice(i, 8), digits);
                    fixed (byte* d = digits) FixedBaseTable.Run<Fp2Vec8, Fp2>(tx, ty, d, x, y, z, infinite, exceptional);
                    for (int l = 0; l < 8; l++)
                        results[i + l] = infinite[l] ? G2Jacobian.Infinity
                            : exceptional[l] ? OneByOne(scalars[i + l])
                            : G2Jacobian.FromCore(new JacobianPoint<Fp2>(x[l], y[l], z[l]));
                }
        }
        for (; i < scalars.Length; i++) results[i] = OneByOne(scalars[i]);
    }

    private G2Jacobian OneByOne(in Fr k)
    {
        k.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
        G2Jacobian acc = G2Jacobian.Infinity;
        for (int w = 0; w < FixedBaseTable.Windows; w++)
        {
            int digit = (int)((limbs[w / 8] >> (w % 8 * 8)) & 0xFF);
            if (digit != 0) acc += new G2Affine(_x[w * FixedBaseTable.Digits + digit - 1], _y[w * FixedBaseTable.Digits + digit - 1]);
        }
        return acc;
    }
}

/// <summary>The shared layout and lane loop of the fixed-base tables.</summary>
internal static unsafe class FixedBaseTable
{
    public const int WindowBits = 8, Windows = 32, Digits = (1 << WindowBits) - 1, Entries = Windows * Digits;

    public static void CheckLengths(int scalars, int results)
    {
        if (scalars != results) throw new ArgumentException($"{scalars} scalars but room for {results} results");
    }

    // Byte w of scalar l's canonical value at digits[w·8 + l].
    public static void Digitize(ReadOnlySpan<Fr> scalars, Span<byte> digits)
    {
        for (int l = 0; l < 8; l++)
        {
            scalars[l].ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
            ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
            for (int w = 0; w < Windows; w++) digits[w * 8 + l] = (byte)(limbs[w / 8] >> (w % 8 * 8));
        }
    }

    // Σ_w digit_w·2^(8w)·P per lane. Partial sums of a canonical scalar stay below r and below the next
    // table entry, so the same-x case cannot arise; it is still detected and reported, never trusted.
    public static void Run<TV, TE>(TE* tx, TE* ty, byte* digits, TE* x, TE* y, TE* z, bool* infinite, bool* exceptional)
        where TV : struct, ILaneField<TV, TE> where TE : unmanaged, IField<TE>
    {
        TV ax = TV.One, ay = TV.One, az = default;
        Vector512<ulong> inf = Vector512<ulong>.AllBitsSet, exc = Vector512<ulong>.Zero;
        TE* px = stackalloc TE[8], py = stackalloc TE[8];
        ulong* nonZero = stackalloc ulong[8];
        for (int w = 0; w < Windows; w++)
        {
            byte* d = digits + w * 8;
            if (*(ulong*)d == 0) continue;
            for (int l = 0; l < 8; l++)
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
        TV.Store(ax, x);
        TV.Store(ay, y);
        TV.Store(az, z);
        for (int l = 0; l < 8; l++)
        {
            infinite[l] = inf.GetElement(l) != 0;
            exceptional[l] = exc.GetElement(l) != 0;
        }
    }
}
