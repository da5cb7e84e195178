using static ZkInference.Field.Internal.X64.X64Register;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Generates Montgomery arithmetic for a four-limb modulus as x86-64 machine code (System V calling
/// convention): CIOS with <c>mulx</c> and the two carry chains of <c>adcx</c>/<c>adox</c>, the form native
/// libraries (mcl, gnark-crypto's assembly) use. .NET has no add-with-carry, so the managed product pays a
/// compare and a flag move per carry; these routines do not. Every routine reads its inputs fully before
/// writing its result (so the result may alias an input) and requires reduced inputs. Scratch values live
/// in the 128-byte red zone below the stack pointer, which System V leaves to a leaf routine.
/// </summary>
internal static class MontgomeryKernel
{
    /// <summary>
    /// r = a·b·2⁻²⁵⁶ mod q, called as (r, a, b). The modulus must leave room above its top bit
    /// (q₃ &lt; 2⁶³ − 1), which keeps the running sum in four words plus one (the "no-carry" variant); every
    /// BN254 modulus does. <paramref name="qInvNeg"/> is −q⁻¹ mod 2⁶⁴.
    /// </summary>
    public static byte[] Product(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        // System V passes (rdi, rsi, rdx); rdx is mulx's implicit operand, so b moves to r8.
        k.E.Mov(R8, Rdx);
        k.Save(Rbx, R12);
        k.Product([(new Limbs(R8, 0), new Limbs(Rsi, 0))]);
        k.Store(new Limbs(Rdi, 0));
        return k.Finish();
    }

    /// <summary>
    /// r = (a·b + c·d)·2⁻²⁵⁶ mod q with one reduction, called as (r, a, b, c, d). The running sum stays below
    /// 3.1q &lt; 2²⁵⁶ and the result below 1.4q, so the same single conditional subtraction finishes it.
    /// </summary>
    public static byte[] SumOfProducts(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        // System V passes (rdi, rsi, rdx, rcx, r8): d to r14 and c to r13 before b takes r8.
        k.Save(Rbx, R12, R13, R14);
        k.E.Mov(R14, R8);
        k.E.Mov(R13, Rcx);
        k.E.Mov(R8, Rdx);
        k.Product([(new Limbs(R8, 0), new Limbs(Rsi, 0)), (new Limbs(R14, 0), new Limbs(R13, 0))]);
        k.Store(new Limbs(Rdi, 0));
        return k.Finish();
    }

    /// <summary>
    /// The Fp2 product (a0·b0 − a1·b1) + (a0·b1 + a1·b0)·u for u² = −1, called as (r, a, b) with each element
    /// two consecutive four-limb coefficients: two sums of two products with one reduction each, the real
    /// part as a0·b0 + (q − a1)·b1.
    /// </summary>
    public static byte[] Fp2Product(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.E.Mov(R8, Rdx);
        k.Save(Rbx, R12);
        Limbs a0 = new(Rsi, 0), a1 = new(Rsi, 4), b0 = new(R8, 0), b1 = new(R8, 4);
        // Red zone (below the saved registers): q − a1, then the real part until the inputs are spent.
        Limbs negA1 = new(Rsp, -4), real = new(Rsp, -8);
        k.Negate(a1, negA1);
        k.Product([(b0, a0), (b1, negA1)]);
        k.Store(real);
        k.Product([(b1, a0), (b0, a1)]);
        k.Store(new Limbs(Rdi, 4));
        k.Copy(real, new Limbs(Rdi, 0));
        return k.Finish();
    }

    /// <summary>
    /// The Fp2 square (a0 + a1)(a0 − a1) + 2·a0·a1·u, called as (r, a): two products, the sums and the
    /// doubling done in registers.
    /// </summary>
    public static byte[] Fp2Square(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.Save(Rbx, R12);
        Limbs a0 = new(Rsi, 0), a1 = new(Rsi, 4);
        Limbs sum = new(Rsp, -4), difference = new(Rsp, -8), real = new(Rsp, -12);
        k.AddReduced(a0, a1, sum);
        k.SubReduced(a0, a1, difference);
        k.Product([(sum, difference)]);
        k.Store(real);
        k.Product([(a0, a1)]);
        k.DoubleResult();
        k.Store(new Limbs(Rdi, 4));
        k.Copy(real, new Limbs(Rdi, 0));
        return k.Finish();
    }
}
