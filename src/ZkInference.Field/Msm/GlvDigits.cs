using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// The GLV split for the G1 MSM: k·P = k1·P + k2·φ(P) with φ(x, y) = (βx, y) and |k1|, |k2| &lt; 2¹²⁷
/// (<see cref="Glv.Decompose"/>), so the MSM runs over 2n points with 128-bit scalars: about the same number
/// of bucket additions, but half the windows and so half the bucket reductions. Signs go into the digits.
/// Point i's digits sit at column i, φ(Pᵢ)'s at column n + i (stride 2n).
/// </summary>
[SkipLocalsInit]
internal static unsafe class GlvDigits
{
    /// <summary>c·W ≥ 128 covers magnitudes below 2¹²⁷ plus the final carry.</summary>
    public const int Bits = 128;

    /// <summary>Fills phi[i] = φ(points[i]) and the digits of both halves for i in [start, end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(AffinePoint<Fp>* points, Fr* scalars, AffinePoint<Fp>* phi, int start, int end, int n, int c, Span<short> digits)
    {
        int windows = SignedDigits.WindowCount(c, Bits), stride = 2 * n;
        Span<ulong> k = stackalloc ulong[4];
        Span<ulong> limbs = stackalloc ulong[5];
        for (int i = start; i < end; i++)
        {
            if (scalars[i].IsZero || points[i].IsInfinity)
            {
                for (int w = 0; w < windows; w++) digits[w * stride + i] = digits[w * stride + n + i] = 0;
                phi[i] = default;
                continue;
            }
            Fp.Mul(Glv.Beta, points[i].X, out phi[i].X);
            phi[i].Y = points[i].Y;
            Scalars.ToLimbs(scalars[i], k);
            Glv.Decompose(k, out Int128 k1, out Int128 k2);
            WriteHalf(k1, i, stride, c, windows, limbs, digits);
            WriteHalf(k2, n + i, stride, c, windows, limbs, digits);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteHalf(Int128 v, int index, int stride, int c, int windows, Span<ulong> limbs, Span<short> digits)
    {
        bool negative = v < 0;
        UInt128 m = (UInt128)(negative ? -v : v);
        limbs[0] = (ulong)m;
        limbs[1] = (ulong)(m >> 64);
        limbs[2] = limbs[3] = limbs[4] = 0;
        SignedDigits.Write(limbs, negative, index, stride, c, windows, digits);
    }
}
