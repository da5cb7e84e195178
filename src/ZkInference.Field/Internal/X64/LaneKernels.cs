using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// The eight-lane Montgomery products on AVX-512 IFMA (<see cref="LaneMontgomeryKernel"/>) behind
/// <see cref="FpVec8"/>.Mul and <see cref="FrVec8"/>.Mul, or null where they cannot run: the conditions of
/// <see cref="NativeKernels.Supported"/> (x86-64 Linux, <c>ZKINFERENCE_NATIVE_KERNELS</c> not 0), AVX-512F and
/// AVX-512 IFMA, executable memory. Each must reproduce BigInteger's result in every lane on values that drive every
/// carry before it is used; otherwise the managed eight-lane code runs.
/// </summary>
internal static unsafe class LaneKernels
{
    /// <summary>r = a·b for eight Fp lanes (pointers to r, a, b in the <see cref="FpVec8"/> layout), or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> FpMul;

    /// <summary>r = a·b for eight Fr lanes (pointers to r, a, b in the <see cref="FrVec8"/> layout), or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> FrMul;

    private const int Lanes = 8, Limbs = 9;

    static LaneKernels()
    {
        if (!Supported()) return;
        FpMul = Checked(Fp.Q0, Fp.Q1, Fp.Q2, Fp.Q3, Fp.QInvNeg);
        FrMul = Checked(Fr.Q0, Fr.Q1, Fr.Q2, Fr.Q3, Fr.QInvNeg);
    }

    /// <summary>Whether both lane products run on IFMA.</summary>
    public static bool Active => FpMul != null && FrMul != null;

    /// <summary>Whether this process may use the IFMA lane kernels at all.</summary>
    public static bool Supported()
    {
        if (!NativeKernels.Supported() || !Avx512F.IsSupported) return false;
        // CPUID leaf 7: EBX bit 21 is AVX512_IFMA.
        (_, int ebx, _, _) = X86Base.CpuId(7, 0);
        return (ebx & (1 << 21)) != 0;
    }

    private static delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> Checked(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var kernel = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void>)ExecutableMemory.TryPlace(
            LaneMontgomeryKernel.Product(q0, q1, q2, q3, qInvNeg));
        if (kernel == null) return null;
        var check = new NativeKernels.KernelCheck(q0, q1, q2, q3, qInvNeg);
        ulong[][] s = check.Samples;
        ulong* a = stackalloc ulong[Lanes * Limbs], b = stackalloc ulong[Lanes * Limbs], r = stackalloc ulong[Lanes * Limbs];
        ulong* words = stackalloc ulong[4];
        for (int i = 0; i < s.Length; i++)
        {
            // Lane l multiplies s[(i + l) % n] by s[(i + 3l) % n]: every pair of samples meets in some lane and round.
            for (int l = 0; l < Lanes; l++)
            {
                ToLimbs(s[(i + l) % s.Length], a, l);
                ToLimbs(s[(i + 3 * l) % s.Length], b, l);
            }
            kernel(r, a, b);
            for (int l = 0; l < Lanes; l++)
            {
                if (!FromLimbs(r, l, words)) return null;
                BigInteger product = NativeKernels.Words(s[(i + l) % s.Length]) * NativeKernels.Words(s[(i + 3 * l) % s.Length]);
                if (!check.Matches(words, product)) return null;
            }
            kernel(a, a, a); // in place, squared
            for (int l = 0; l < Lanes; l++)
            {
                if (!FromLimbs(a, l, words)) return null;
                BigInteger x = NativeKernels.Words(s[(i + l) % s.Length]);
                if (!check.Matches(words, x * x)) return null;
            }
        }
        return kernel;
    }

    // Lane l of a nine-vector value (limb k of lane l at [9·k … ] + l) from four 64-bit words.
    private static void ToLimbs(ulong[] w, ulong* v, int lane)
    {
        BigInteger x = NativeKernels.Words(w);
        for (int k = 0; k < Limbs; k++) v[Lanes * k + lane] = (ulong)((x >> (29 * k)) & 0x1FFFFFFF);
    }

    // Four 64-bit words from lane l; false when a limb is not a 29-bit value.
    private static bool FromLimbs(ulong* v, int lane, ulong* words)
    {
        BigInteger x = BigInteger.Zero;
        for (int k = Limbs - 1; k >= 0; k--)
        {
            ulong limb = v[Lanes * k + lane];
            if (limb >> 29 != 0) return false;
            x = (x << 29) | limb;
        }
        for (int w = 0; w < 4; w++) words[w] = (ulong)((x >> (64 * w)) & ulong.MaxValue);
        return x >> 256 == 0;
    }
}
