using System.Runtime.CompilerServices;
using ZkInference.Field.Internal.X64;

namespace ZkInference.Field;

/// <summary>
/// The Fp2 operations the Fp6/Fp12 tower, the pairing and the generic curve code (through FieldOps) are built
/// on, each compiled once as its own small method. Large tower methods that inlined every Fp2 product ran out
/// of the JIT's inlining budget and left constructors and carry helpers as calls with address-taken locals
/// (measured ~3× slower); small out-of-line kernels keep every caller fully optimised.
/// </summary>
[SkipLocalsInit]
internal static class Fp2Ops
{
    /// <summary>r = a·b = (a0·b0 − a1·b1) + (a0·b1 + a1·b0)·u: two sums of two products, each with one Montgomery reduction.</summary>
    // Against Karatsuba (three full products, two additions, three subtractions) this does 96 word
    // products too but only two reductions' worth of them, and no additions apart from one negation.
    // On x86-64 Linux with BMI2 and ADX both sums run in one generated routine (NativeKernels.Fp2Mul).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe void Mul(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        var kernel = NativeKernels.Fp2Mul;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp2* pr = &r, pa = &a, pb = &b) kernel(pr, pa, pb);
            return;
        }
        MulPortable(a, b, out r);
    }

    /// <summary>The managed path of <see cref="Mul"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void MulPortable(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Neg(a.A1, out Fp na1);
        Fp.SumOfProducts(a.A0, b.A0, na1, b.A1, out Fp real);
        Fp.SumOfProducts(a.A0, b.A1, a.A1, b.A0, out Fp imag);
        r = new Fp2(real, imag);
    }

    /// <summary>r = a² = (a0 + a1)(a0 − a1) + 2·a0·a1·u (two Fp multiplications).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe void Square(in Fp2 a, out Fp2 r)
    {
        var kernel = NativeKernels.Fp2Square;
        if (kernel != null)
        {
            Unsafe.SkipInit(out r);
            fixed (Fp2* pr = &r, pa = &a) kernel(pr, pa);
            return;
        }
        SquarePortable(a, out r);
    }

    /// <summary>The managed path of <see cref="Square"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void SquarePortable(in Fp2 a, out Fp2 r)
    {
        Fp.Add(a.A0, a.A1, out Fp s);
        Fp.Sub(a.A0, a.A1, out Fp d);
        Fp.Mul(a.A0, a.A1, out Fp m);
        Fp.Mul(s, d, out Fp real);
        Fp.Double(m, out Fp imag);
        r = new Fp2(real, imag);
    }

    /// <summary>r = a·s for s in Fp.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MulByFp(in Fp2 a, in Fp s, out Fp2 r)
    {
        Fp.Mul(a.A0, s, out Fp r0);
        Fp.Mul(a.A1, s, out Fp r1);
        r = new Fp2(r0, r1);
    }

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(in Fp2 a, in Fp2 b, out Fp2 r) => Fp2.Add(a, b, out r);

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Sub(in Fp2 a, in Fp2 b, out Fp2 r) => Fp2.Sub(a, b, out r);

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Double(in Fp2 a, out Fp2 r) => Fp2.Double(a, out r);

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Neg(in Fp2 a, out Fp2 r) => Fp2.Neg(a, out r);

    /// <summary>r = a·ξ.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MulByNonResidue(in Fp2 a, out Fp2 r) => Fp2.MulByNonResidue(a, out r);

    /// <summary>r = conj(a) = a^p.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Conjugate(in Fp2 a, out Fp2 r) => Fp2.Conjugate(a, out r);
}
