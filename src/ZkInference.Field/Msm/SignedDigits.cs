using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Signed base-2^c digits of the scalars, window-major (digits[w·n + i]), each in [−2^(c−1), 2^(c−1)]:
/// half as many buckets as unsigned digits, since −d·P costs only a negated y.
/// </summary>
[SkipLocalsInit]
internal static class SignedDigits
{
    /// <summary>Windows needed for scalars below r &lt; 2²⁵⁴: the carry out of the top window must vanish, so c·W ≥ 255.</summary>
    public static int WindowCount(int c) => (255 + c - 1) / c;

    /// <summary>
    /// Converts scalars[0..n) (out of Montgomery form, once) into digits; a zero scalar or an identity point gets
    /// all-zero digits so that the bucket phase skips it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Compute<T>(AffinePoint<T>* points, Fr* scalars, int start, int end, int n, int c, short* digits)
        where T : unmanaged, IField<T>
    {
        int windows = WindowCount(c);
        Span<ulong> limbs = stackalloc ulong[5];
        long full = 1L << c, half = 1L << (c - 1);
        ulong mask = (1UL << c) - 1;
        for (int i = start; i < end; i++)
        {
            if (scalars[i].IsZero || points[i].IsInfinity)
            {
                for (int w = 0; w < windows; w++) digits[(long)w * n + i] = 0;
                continue;
            }
            Scalars.ToLimbs(scalars[i], limbs);
            limbs[4] = 0;
            long carry = 0;
            for (int w = 0; w < windows; w++)
            {
                int bit = w * c, limb = bit >> 6, offset = bit & 63;
                ulong raw = limbs[limb] >> offset;
                if (offset + c > 64) raw |= limbs[limb + 1] << (64 - offset);
                long d = (long)(raw & mask) + carry;
                if (d > half) { d -= full; carry = 1; } else carry = 0;
                digits[(long)w * n + i] = (short)d;
            }
        }
    }
}
