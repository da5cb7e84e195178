using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// The generated Montgomery kernels for Fp and Fr (<see cref="MontgomeryKernel"/>), or null where they cannot
/// run: not x86-64 Linux, no BMI2 or ADX (<c>DOTNET_EnableHWIntrinsic=0</c> counts as none), no executable
/// memory, or <c>ZKINFERENCE_NATIVE_KERNELS=0</c> in the environment. Each kernel must reproduce BigInteger's
/// result on values that exercise every carry before it is used; otherwise the managed code runs.
/// </summary>
internal static unsafe class NativeKernels
{
    /// <summary>r = a·b in Fp, called as (r, a, b); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> FpMul;

    /// <summary>r = a·b in Fr, called as (r, a, b); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> FrMul;

    /// <summary>r = a·b + c·d in Fp, called as (r, a, b, c, d); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void> FpSumOfProducts;

    /// <summary>r = a·b + c·d in Fr, called as (r, a, b, c, d); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void> FrSumOfProducts;

    /// <summary>r = a·b in Fp2 (pointers to result, a, b; u² = −1), or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> Fp2Mul;

    /// <summary>r = a² in Fp2 (pointers to result, a), or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void> Fp2Square;

    /// <summary>The environment variable that turns the kernels off when set to 0.</summary>
    public const string SwitchVariable = "ZKINFERENCE_NATIVE_KERNELS";

    static NativeKernels()
    {
        if (!Supported()) return;
        FpMul = CheckedProduct(Fp.Q0, Fp.Q1, Fp.Q2, Fp.Q3, Fp.QInvNeg);
        FrMul = CheckedProduct(Fr.Q0, Fr.Q1, Fr.Q2, Fr.Q3, Fr.QInvNeg);
        FpSumOfProducts = CheckedSumOfProducts(Fp.Q0, Fp.Q1, Fp.Q2, Fp.Q3, Fp.QInvNeg);
        FrSumOfProducts = CheckedSumOfProducts(Fr.Q0, Fr.Q1, Fr.Q2, Fr.Q3, Fr.QInvNeg);
        if (CheckedFp2(Fp.Q0, Fp.Q1, Fp.Q2, Fp.Q3, Fp.QInvNeg, out var mul, out var square))
        {
            Fp2Mul = mul;
            Fp2Square = square;
        }
    }

    /// <summary>Whether generated kernels are in use for Fp and Fr products.</summary>
    public static bool Active => FpMul != null && FrMul != null && FpSumOfProducts != null && FrSumOfProducts != null && Fp2Mul != null;

    /// <summary>Whether the Fp2 product and square kernels are in use.</summary>
    public static bool Fp2Active => Fp2Mul != null && Fp2Square != null;

    /// <summary>Whether this process may use generated kernels at all (before placing any code).</summary>
    public static bool Supported()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64 || !OperatingSystem.IsLinux()) return false;
        if (Environment.GetEnvironmentVariable(SwitchVariable) == "0") return false;
        if (!Bmi2.X64.IsSupported || !X86Base.IsSupported) return false;
        // CPUID leaf 7: EBX bit 19 is ADX (adcx/adox), bit 8 BMI2 (mulx).
        (_, int ebx, _, _) = X86Base.CpuId(7, 0);
        return (ebx & (1 << 19)) != 0 && (ebx & (1 << 8)) != 0;
    }

    private static delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> CheckedProduct(
        ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var kernel = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void>)ExecutableMemory.TryPlace(
            MontgomeryKernel.Product(q0, q1, q2, q3, qInvNeg));
        if (kernel == null) return null;
        var check = new KernelCheck(q0, q1, q2, q3, qInvNeg);
        ulong* r = stackalloc ulong[4];
        foreach (ulong[] a in check.Samples)
        {
            foreach (ulong[] b in check.Samples)
            {
                fixed (ulong* pa = a, pb = b) kernel(r, pa, pb);
                if (!check.Matches(r, Words(a) * Words(b))) return null;
            }
        }
        return kernel;
    }

    private static delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void> CheckedSumOfProducts(
        ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var kernel = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, void*, void>)ExecutableMemory.TryPlace(
            MontgomeryKernel.SumOfProducts(q0, q1, q2, q3, qInvNeg));
        if (kernel == null) return null;
        var check = new KernelCheck(q0, q1, q2, q3, qInvNeg);
        ulong* r = stackalloc ulong[4];
        ulong[][] s = check.Samples;
        for (int i = 0; i < s.Length; i++)
        {
            for (int j = 0; j < s.Length; j++)
            {
                // Pairs that include the largest products on both sides.
                ulong[] a = s[i], b = s[j], c = s[(i + j) % s.Length], d = s[s.Length - 1 - j];
                fixed (ulong* pa = a, pb = b, pc = c, pd = d) kernel(r, pa, pb, pc, pd);
                if (!check.Matches(r, Words(a) * Words(b) + Words(c) * Words(d))) return null;
            }
        }
        return kernel;
    }

    private static bool CheckedFp2(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg,
        out delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void> mul,
        out delegate* unmanaged[SuppressGCTransition]<void*, void*, void> square)
    {
        mul = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void>)ExecutableMemory.TryPlace(
            MontgomeryKernel.Fp2Product(q0, q1, q2, q3, qInvNeg));
        square = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void>)ExecutableMemory.TryPlace(
            MontgomeryKernel.Fp2Square(q0, q1, q2, q3, qInvNeg));
        if (mul == null || square == null) return false;
        var check = new KernelCheck(q0, q1, q2, q3, qInvNeg);
        ulong[][] s = check.Samples;
        ulong* r = stackalloc ulong[8];
        ulong* a = stackalloc ulong[8];
        ulong* b = stackalloc ulong[8];
        for (int i = 0; i < s.Length; i++)
        {
            for (int j = 0; j < s.Length; j++)
            {
                ulong[] a0 = s[i], a1 = s[j], b0 = s[(i + j) % s.Length], b1 = s[s.Length - 1 - j];
                for (int w = 0; w < 4; w++) { a[w] = a0[w]; a[4 + w] = a1[w]; b[w] = b0[w]; b[4 + w] = b1[w]; }
                mul(r, a, b);
                if (!check.Matches(r, Words(a0) * Words(b0) - Words(a1) * Words(b1))
                    || !check.Matches(r + 4, Words(a0) * Words(b1) + Words(a1) * Words(b0))) return false;
                square(r, a);
                if (!check.Matches(r, Words(a0) * Words(a0) - Words(a1) * Words(a1))
                    || !check.Matches(r + 4, 2 * Words(a0) * Words(a1))) return false;
            }
        }
        return true;
    }

    internal static BigInteger Words(ulong[] w) =>
        new BigInteger(w[0]) | (new BigInteger(w[1]) << 64) | (new BigInteger(w[2]) << 128) | (new BigInteger(w[3]) << 192);

    // Reduced values that drive every carry (zero, one, q − 1, q − 2, all-ones words) and the expected
    // Montgomery result of a plain product, x·2⁻²⁵⁶ mod q.
    internal sealed class KernelCheck
    {
        private readonly BigInteger _q, _rInverse;

        public KernelCheck(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
        {
            _q = Words([q0, q1, q2, q3]);
            _rInverse = BigInteger.ModPow(BigInteger.One << 256, _q - 2, _q);
            Samples =
            [
                [0, 0, 0, 0],
                [1, 0, 0, 0],
                [q0 - 1, q1, q2, q3],
                [q0 - 2, q1, q2, q3],
                [ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, q3 - 1],
                [0x0123456789ABCDEFUL, 0xFEDCBA9876543210UL, 0x0F1E2D3C4B5A6978UL, q3 >> 1],
                [qInvNeg, ~qInvNeg, qInvNeg, q3 >> 2],
            ];
        }

        public ulong[][] Samples { get; }

        public bool Matches(ulong* result, BigInteger plain) =>
            Words([result[0], result[1], result[2], result[3]]) == ((plain % _q + _q) % _q) * _rInverse % _q;
    }
}
