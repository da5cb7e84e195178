using static ZkInference.Field.Internal.X64.X64Register;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// One Montgomery routine under construction (System V, leaf): the modulus constants, the saved registers,
/// an optional stack frame of scratch elements, and the field operations as instruction sequences on
/// elements in memory. Products are CIOS with <c>mulx</c> and the <c>adcx</c>/<c>adox</c> carry chains; every
/// operation reads its operands before it writes its destination, and leaves rdi, rsi, r8 and r13–r15 alone
/// (the routines keep their pointers there).
/// </summary>
internal sealed class MontgomeryEmitter
{
    // The running sum t0..t3 with its fifth word, scratch for high halves, and the registers a reduced
    // result comes out in.
    private const X64Register T0 = R9, T1 = R10, T2 = R11, T3 = Rcx, Top = Rbx, Hi = R12;
    private static readonly X64Register[] Sum = [T0, T1, T2, T3];
    private static readonly X64Register[] Result = [Rax, Rdx, Rbx, R12];

    private int _frameElements;
    private int _frameSizeAt = -1;

    private readonly X64Operand[] _q;
    private readonly X64Operand _qInv;
    private X64Register[] _saved = [];

    public MontgomeryEmitter(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        if (q3 >= 0x7FFFFFFFFFFFFFFFUL) throw new ArgumentOutOfRangeException(nameof(q3), "The modulus needs two spare top bits.");
        _q = [E.AddConstant(q0), E.AddConstant(q1), E.AddConstant(q2), E.AddConstant(q3)];
        _qInv = E.AddConstant(qInvNeg);
    }

    public X64Emitter E { get; } = new();

    /// <summary>
    /// A routine of up to five pointer arguments with an open frame: System V passes (rdi, rsi, rdx, rcx, r8),
    /// and rdx and rcx are scratch for the products, so the third and fourth move to r13 and r14.
    /// </summary>
    public static MontgomeryEmitter WithFiveArguments(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.Save(Rbx, R12, R13, R14);
        k.E.Mov(R13, Rdx);
        k.E.Mov(R14, Rcx);
        k.BeginFrame();
        return k;
    }

    /// <summary>Pushes callee-saved registers the routine uses (popped again by <see cref="Finish"/>).</summary>
    public void Save(params X64Register[] registers)
    {
        _saved = registers;
        foreach (X64Register r in registers) E.Push(r);
    }

    /// <summary>Opens a stack frame for scratch elements (after <see cref="Save"/>); its size is settled by <see cref="Finish"/>.</summary>
    public void BeginFrame()
    {
        E.SubImmediate(Rsp, 0);
        _frameSizeAt = E.Position - 4;
    }

    /// <summary>A fresh scratch element in the frame.</summary>
    public Limbs NewElement()
    {
        if (_frameSizeAt < 0) throw new InvalidOperationException("No frame: call BeginFrame first.");
        return new Limbs(Rsp, 4 * _frameElements++);
    }

    /// <summary>Closes the frame, restores the saved registers, returns, and assembles.</summary>
    public byte[] Finish()
    {
        if (_frameSizeAt >= 0)
        {
            E.PatchInt32(_frameSizeAt, 32 * _frameElements);
            E.AddImmediate(Rsp, 32 * _frameElements);
        }
        for (int i = _saved.Length - 1; i >= 0; i--) E.Pop(_saved[i]);
        E.Ret();
        return E.Build();
    }

    /// <summary>
    /// Result registers = Σ x·y over the (multiplier, multiplicand) pairs, times 2⁻²⁵⁶, reduced: four CIOS
    /// rounds, each adding every pair's row before one reduction row, then one conditional subtraction.
    /// </summary>
    public void Product((Limbs Multiplier, Limbs Multiplicand)[] pairs)
    {
        for (int i = 0; i < 4; i++)
        {
            for (int k = 0; k < pairs.Length; k++)
            {
                if (i == 0 && k == 0) FirstRow(pairs[k].Multiplier, pairs[k].Multiplicand);
                else AddRow(pairs[k].Multiplier, i, pairs[k].Multiplicand, topIsFresh: k == 0);
            }
            ReductionRow();
        }
        // t < 2q: subtract q, and keep t where that borrows.
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Result[j], Sum[j]);
            if (j == 0) E.Sub(Result[j], _q[j]);
            else E.Sbb(Result[j], _q[j]);
        }
        for (int j = 0; j < 4; j++) E.Cmovc(Result[j], Sum[j]);
    }

    /// <summary>Result registers = 2·result mod q.</summary>
    public void DoubleResult()
    {
        // 2x < 2q < 2²⁵⁵: no carry out; the copy minus q is kept unless it borrows.
        for (int j = 0; j < 4; j++)
        {
            if (j == 0) E.Add(Result[j], Result[j]);
            else E.Adc(Result[j], Result[j]);
        }
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Sum[j], Result[j]);
            if (j == 0) E.Sub(Sum[j], _q[j]);
            else E.Sbb(Sum[j], _q[j]);
        }
        for (int j = 0; j < 4; j++) E.Cmovnc(Result[j], Sum[j]);
    }

    /// <summary>to = 0.</summary>
    public void Zero(Limbs to)
    {
        E.ZeroClearFlags(Rax);
        for (int j = 0; j < 4; j++) E.Store(to.Base, to.Word + j, Rax);
    }

    /// <summary>to = the constant limbs (least significant first), from the routine's pool.</summary>
    public void Constant(Limbs to, ReadOnlySpan<ulong> limbs)
    {
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Rax, E.AddConstant(limbs[j]));
            E.Store(to.Base, to.Word + j, Rax);
        }
    }

    /// <summary>[flag] |= every limb of x.</summary>
    public void OrInto(Limbs flag, Limbs x)
    {
        E.Mov(Rax, flag[0]);
        for (int j = 0; j < 4; j++) E.Or(Rax, x[j]);
        E.Store(flag.Base, flag.Word, Rax);
    }

    /// <summary>rax = the qword at <paramref name="from"/> (a routine's return value), just before <see cref="Finish"/>.</summary>
    public void ReturnValue(Limbs from) => E.Mov(Rax, from[0]);

    /// <summary>Stores the result registers.</summary>
    public void Store(Limbs to)
    {
        for (int j = 0; j < 4; j++) E.Store(to.Base, to.Word + j, Result[j]);
    }

    /// <summary>Copies four limbs through the result registers.</summary>
    public void Copy(Limbs from, Limbs to)
    {
        for (int j = 0; j < 4; j++) E.Mov(Result[j], from[j]);
        Store(to);
    }

    /// <summary>to = q − x (q itself for x = 0, which the products accept: the bounds hold for inputs ≤ q).</summary>
    public void Negate(Limbs x, Limbs to)
    {
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Result[j], _q[j]);
            if (j == 0) E.Sub(Result[j], x[j]);
            else E.Sbb(Result[j], x[j]);
        }
        Store(to);
    }

    /// <summary>to = x + y mod q, reduced.</summary>
    public void AddReduced(Limbs x, Limbs y, Limbs to)
    {
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Result[j], x[j]);
            if (j == 0) E.Add(Result[j], y[j]);
            else E.Adc(Result[j], y[j]);
        }
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Sum[j], Result[j]);
            if (j == 0) E.Sub(Sum[j], _q[j]);
            else E.Sbb(Sum[j], _q[j]);
        }
        for (int j = 0; j < 4; j++) E.Cmovnc(Result[j], Sum[j]);
        Store(to);
    }

    /// <summary>to = x − y mod q, reduced: q is added back where the subtraction borrows.</summary>
    public void SubReduced(Limbs x, Limbs y, Limbs to)
    {
        for (int j = 0; j < 4; j++)
        {
            E.Mov(Result[j], x[j]);
            if (j == 0) E.Sub(Result[j], y[j]);
            else E.Sbb(Result[j], y[j]);
        }
        // Sum = borrow ? q : 0, built without disturbing CF until the cmov.
        for (int j = 0; j < 4; j++) E.ZeroKeepFlags(Sum[j]);
        for (int j = 0; j < 4; j++) E.Cmovc(Sum[j], _q[j]);
        for (int j = 0; j < 4; j++)
        {
            if (j == 0) E.Add(Result[j], Sum[j]);
            else E.Adc(Result[j], Sum[j]);
        }
        Store(to);
    }

    // (Top, t3, t2, t1, t0) = x·y0 with y0 the multiplier's word 0.
    private void FirstRow(Limbs multiplier, Limbs multiplicand)
    {
        E.ZeroClearFlags(Rax);
        E.Mov(Rdx, multiplier[0]);
        E.Mulx(T1, T0, multiplicand[0]);
        E.Mulx(T2, Rax, multiplicand[1]);
        E.Adox(T1, Rax);
        E.Mulx(T3, Rax, multiplicand[2]);
        E.Adox(T2, Rax);
        E.Mulx(Top, Rax, multiplicand[3]);
        E.Adox(T3, Rax);
        E.ZeroKeepFlags(Rax);
        E.Adox(Top, Rax);
    }

    // (Top, t3..t0) += x·yi: low halves on the OF chain, high halves on the CF chain. The first row of a
    // round starts the fifth word afresh (the reduction folded it into t3); later rows add into it.
    private void AddRow(Limbs multiplier, int i, Limbs multiplicand, bool topIsFresh)
    {
        E.ZeroClearFlags(Rax);
        E.Mov(Rdx, multiplier[i]);
        for (int j = 0; j < 3; j++)
        {
            E.Mulx(Hi, Rax, multiplicand[j]);
            E.Adox(Sum[j], Rax);
            E.Adcx(Sum[j + 1], Hi);
        }
        if (topIsFresh)
        {
            E.Mulx(Top, Rax, multiplicand[3]);
            E.Adox(T3, Rax);
            E.ZeroKeepFlags(Rax);
            E.Adcx(Top, Rax);
        }
        else
        {
            E.Mulx(Hi, Rax, multiplicand[3]);
            E.Adox(T3, Rax);
            E.Adcx(Top, Hi);
            E.ZeroKeepFlags(Rax);
        }
        E.Adox(Top, Rax);
    }

    // t = (t + m·q) / 2⁶⁴ with m = t0·(−q⁻¹) mod 2⁶⁴, which clears the low word.
    private void ReductionRow()
    {
        E.Mov(Rdx, T0);
        E.Imul(Rdx, _qInv);
        E.ZeroClearFlags(Rax);
        E.Mulx(Hi, Rax, _q[0]);
        E.Adcx(Rax, T0);            // zero by the choice of m; only its carry matters
        E.Mov(T0, Hi);
        E.Adcx(T0, T1);
        E.Mulx(T1, Rax, _q[1]);
        E.Adox(T0, Rax);
        E.Adcx(T1, T2);
        E.Mulx(T2, Rax, _q[2]);
        E.Adox(T1, Rax);
        E.Adcx(T2, T3);
        E.Mulx(T3, Rax, _q[3]);
        E.Adox(T2, Rax);
        E.ZeroKeepFlags(Rax);
        E.Adcx(T3, Rax);
        E.Adox(T3, Top);
    }
}
