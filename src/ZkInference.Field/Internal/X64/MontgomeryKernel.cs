using static ZkInference.Field.Internal.X64.X64Register;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Generates Montgomery products for a four-limb modulus as x86-64 machine code (System V calling convention):
/// CIOS with <c>mulx</c> and the two carry chains of <c>adcx</c>/<c>adox</c>, the form native libraries (mcl,
/// gnark-crypto's assembly) use. .NET has no add-with-carry, so the managed product pays a compare and a
/// flag move per carry; these routines do not. Both read their inputs fully before writing the result (so
/// it may alias an input) and require reduced inputs.
/// </summary>
internal static class MontgomeryKernel
{
    // The result pointer, the running sum t0..t3 with its fifth word, and scratch for high halves.
    private const X64Register Res = Rdi;
    private const X64Register T0 = R9, T1 = R10, T2 = R11, T3 = Rcx, Top = Rbx, Hi = R12;

    /// <summary>
    /// r = a·b·2⁻²⁵⁶ mod q, called as (r, a, b). The modulus must leave room above its top bit
    /// (q₃ &lt; 2⁶³ − 1), which keeps the running sum in four words plus one (the "no-carry" variant); every
    /// BN254 modulus does. <paramref name="qInvNeg"/> is −q⁻¹ mod 2⁶⁴.
    /// </summary>
    public static byte[] Product(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        // System V passes (rdi, rsi, rdx); rdx is mulx's implicit operand, so b moves to r8.
        var e = new X64Emitter();
        e.Mov(R8, Rdx);
        e.Push(Rbx);
        e.Push(R12);
        Body(e, [(R8, Rsi)], q0, q1, q2, q3, qInvNeg);
        e.Pop(R12);
        e.Pop(Rbx);
        e.Ret();
        return e.Build();
    }

    /// <summary>
    /// r = (a·b + c·d)·2⁻²⁵⁶ mod q with one reduction, called as (r, a, b, c, d). The running sum stays below
    /// 3.1q &lt; 2²⁵⁶ and the result below 1.4q, so the same single conditional subtraction finishes it.
    /// </summary>
    public static byte[] SumOfProducts(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        // System V passes (rdi, rsi, rdx, rcx, r8): d to r14 and c to r13 before b takes r8.
        var e = new X64Emitter();
        e.Push(Rbx);
        e.Push(R12);
        e.Push(R13);
        e.Push(R14);
        e.Mov(R14, R8);
        e.Mov(R13, Rcx);
        e.Mov(R8, Rdx);
        Body(e, [(R8, Rsi), (R14, R13)], q0, q1, q2, q3, qInvNeg);
        e.Pop(R14);
        e.Pop(R13);
        e.Pop(R12);
        e.Pop(Rbx);
        e.Ret();
        return e.Build();
    }

    // Four CIOS rounds over the given (multiplier, multiplicand) pointer pairs, then the final subtraction
    // and the store to [rdi].
    private static void Body(X64Emitter e, (X64Register Multiplier, X64Register Multiplicand)[] products,
        ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        if (q3 >= 0x7FFFFFFFFFFFFFFFUL) throw new ArgumentOutOfRangeException(nameof(q3), "The modulus needs two spare top bits.");
        X64Operand[] q = [e.AddConstant(q0), e.AddConstant(q1), e.AddConstant(q2), e.AddConstant(q3)];
        X64Operand qInv = e.AddConstant(qInvNeg);
        X64Register[] t = [T0, T1, T2, T3];
        for (int i = 0; i < 4; i++)
        {
            for (int k = 0; k < products.Length; k++)
            {
                if (i == 0 && k == 0) FirstRow(e, products[k].Multiplier, products[k].Multiplicand);
                else AddRow(e, products[k].Multiplier, i, products[k].Multiplicand, topIsFresh: k == 0);
            }
            ReductionRow(e, q, qInv);
        }

        // t < 2q: subtract q, and keep t where that borrows.
        X64Register[] d = [Rax, Rdx, Rbx, R12];
        for (int j = 0; j < 4; j++)
        {
            e.Mov(d[j], t[j]);
            if (j == 0) e.Sub(d[j], q[j]);
            else e.Sbb(d[j], q[j]);
        }
        for (int j = 0; j < 4; j++) e.Cmovc(d[j], t[j]);
        for (int j = 0; j < 4; j++) e.Store(Res, j, d[j]);
    }

    // (Top, t3, t2, t1, t0) = x·y0 with y0 the multiplier's word 0.
    private static void FirstRow(X64Emitter e, X64Register multiplier, X64Register multiplicand)
    {
        e.ZeroClearFlags(Rax);
        e.Mov(Rdx, X64Operand.Word(multiplier, 0));
        e.Mulx(T1, T0, X64Operand.Word(multiplicand, 0));
        e.Mulx(T2, Rax, X64Operand.Word(multiplicand, 1));
        e.Adox(T1, Rax);
        e.Mulx(T3, Rax, X64Operand.Word(multiplicand, 2));
        e.Adox(T2, Rax);
        e.Mulx(Top, Rax, X64Operand.Word(multiplicand, 3));
        e.Adox(T3, Rax);
        e.ZeroKeepFlags(Rax);
        e.Adox(Top, Rax);
    }

    // (Top, t3..t0) += x·yi: low halves on the OF chain, high halves on the CF chain. The first row of a
    // round starts the fifth word afresh (the reduction left it in t3); later rows add into it.
    private static void AddRow(X64Emitter e, X64Register multiplier, int i, X64Register multiplicand, bool topIsFresh)
    {
        e.ZeroClearFlags(Rax);
        e.Mov(Rdx, X64Operand.Word(multiplier, i));
        X64Register[] t = [T0, T1, T2, T3];
        for (int j = 0; j < 3; j++)
        {
            e.Mulx(Hi, Rax, X64Operand.Word(multiplicand, j));
            e.Adox(t[j], Rax);
            e.Adcx(t[j + 1], Hi);
        }
        if (topIsFresh)
        {
            e.Mulx(Top, Rax, X64Operand.Word(multiplicand, 3));
            e.Adox(T3, Rax);
            e.ZeroKeepFlags(Rax);
            e.Adcx(Top, Rax);
        }
        else
        {
            e.Mulx(Hi, Rax, X64Operand.Word(multiplicand, 3));
            e.Adox(T3, Rax);
            e.Adcx(Top, Hi);
            e.ZeroKeepFlags(Rax);
        }
        e.Adox(Top, Rax);
    }

    // t = (t + m·q) / 2⁶⁴ with m = t0·(−q⁻¹) mod 2⁶⁴, which clears the low word.
    private static void ReductionRow(X64Emitter e, X64Operand[] q, X64Operand qInv)
    {
        e.Mov(Rdx, T0);
        e.Imul(Rdx, qInv);
        e.ZeroClearFlags(Rax);
        e.Mulx(Hi, Rax, q[0]);
        e.Adcx(Rax, T0);            // zero by the choice of m; only its carry matters
        e.Mov(T0, Hi);
        e.Adcx(T0, T1);
        e.Mulx(T1, Rax, q[1]);
        e.Adox(T0, Rax);
        e.Adcx(T1, T2);
        e.Mulx(T2, Rax, q[2]);
        e.Adox(T1, Rax);
        e.Adcx(T2, T3);
        e.Mulx(T3, Rax, q[3]);
        e.Adox(T2, Rax);
        e.ZeroKeepFlags(Rax);
        e.Adcx(T3, Rax);
        e.Adox(T3, Top);
    }
}
