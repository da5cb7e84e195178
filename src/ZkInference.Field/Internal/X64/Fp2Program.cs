namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Fp2 = Fp[u]/(u² + 1) operations emitted into a <see cref="MontgomeryEmitter"/> routine, on elements in
/// memory: an Fp2 value is two consecutive four-limb coefficients, named by its real part. Each operation
/// reads its operands before it writes its destination, so destinations may alias operands.
/// </summary>
internal sealed class Fp2Program : IFieldProgram
{
    private readonly MontgomeryEmitter _k;
    private readonly Limbs _t0, _t1, _t2;

    /// <summary>Starts emitting into <paramref name="emitter"/>, whose frame must be open.</summary>
    public Fp2Program(MontgomeryEmitter emitter)
    {
        _k = emitter;
        _t0 = emitter.NewElement();
        _t1 = emitter.NewElement();
        _t2 = emitter.NewElement();
    }

    /// <inheritdoc />
    public int Elements => 2;

    /// <inheritdoc />
    public Limbs NewValue() => NewFp2();

    /// <inheritdoc />
    public void CopyElement(Limbs from, Limbs to) => _k.Copy(from, to);

    /// <inheritdoc />
    public void OrInto(Limbs flag, Limbs x)
    {
        _k.OrInto(flag, x);
        _k.OrInto(flag, x.Offset(1));
    }

    /// <summary>A fresh Fp2 scratch value in the frame.</summary>
    public Limbs NewFp2()
    {
        Limbs re = _k.NewElement();
        _k.NewElement();
        return re;
    }

    /// <summary>dst = x·y: (x0·y0 + (q − x1)·y1) + (x0·y1 + x1·y0)·u, one reduction per coefficient.</summary>
    public void Mul(Limbs dst, Limbs x, Limbs y)
    {
        _k.Negate(x.Offset(1), _t0);
        _k.Product([(y, x), (y.Offset(1), _t0)]);
        _k.Store(_t1);
        _k.Product([(y.Offset(1), x), (y, x.Offset(1))]);
        _k.Store(dst.Offset(1));
        _k.Copy(_t1, dst);
    }

    /// <summary>dst = x² = (x0 + x1)(x0 − x1) + 2·x0·x1·u.</summary>
    public void Square(Limbs dst, Limbs x)
    {
        _k.AddReduced(x, x.Offset(1), _t0);
        _k.SubReduced(x, x.Offset(1), _t1);
        _k.Product([(x, x.Offset(1))]);
        _k.DoubleResult();
        _k.Store(_t2);
        _k.Product([(_t0, _t1)]);
        _k.Store(dst);
        _k.Copy(_t2, dst.Offset(1));
    }

    /// <summary>dst = x + y.</summary>
    public void Add(Limbs dst, Limbs x, Limbs y)
    {
        _k.AddReduced(x, y, dst);
        _k.AddReduced(x.Offset(1), y.Offset(1), dst.Offset(1));
    }

    /// <summary>dst = x − y.</summary>
    public void Sub(Limbs dst, Limbs x, Limbs y)
    {
        _k.SubReduced(x, y, dst);
        _k.SubReduced(x.Offset(1), y.Offset(1), dst.Offset(1));
    }

    /// <summary>dst = −x (zero stays zero): 0 − x with q added back on the borrow.</summary>
    public void Neg(Limbs dst, Limbs x)
    {
        if (_zero is not Limbs zero)
        {
            zero = _k.NewElement();
            _zero = zero;
        }
        _k.Zero(zero);
        _k.SubReduced(zero, x, dst);
        _k.SubReduced(zero, x.Offset(1), dst.Offset(1));
    }

    private Limbs? _zero;

    /// <summary>dst = 2x.</summary>
    public void Double(Limbs dst, Limbs x) => Add(dst, x, x);

    /// <summary>dst = x·ξ with ξ = 9 + u: (9x0 − x1) + (x0 + 9x1)·u, by doublings and additions.</summary>
    public void MulByNonResidue(Limbs dst, Limbs x)
    {
        TimesNine(_t0, x);
        TimesNine(_t1, x.Offset(1));
        _k.SubReduced(_t0, x.Offset(1), _t0);
        _k.AddReduced(_t1, x, dst.Offset(1));
        _k.Copy(_t0, dst);
    }

    /// <summary>dst = 3s − 2a = 2(s − a) + s.</summary>
    public void TimesThreeMinusTwice(Limbs dst, Limbs s, Limbs a)
    {
        for (int c = 0; c < 2; c++)
        {
            _k.SubReduced(s.Offset(c), a.Offset(c), _t0);
            _k.AddReduced(_t0, _t0, _t0);
            _k.AddReduced(_t0, s.Offset(c), dst.Offset(c));
        }
    }

    /// <summary>dst = 3s + 2a = 2(s + a) + s.</summary>
    public void TimesThreePlusTwice(Limbs dst, Limbs s, Limbs a)
    {
        for (int c = 0; c < 2; c++)
        {
            _k.AddReduced(s.Offset(c), a.Offset(c), _t0);
            _k.AddReduced(_t0, _t0, _t0);
            _k.AddReduced(_t0, s.Offset(c), dst.Offset(c));
        }
    }

    /// <summary>Copies an Fp2 value.</summary>
    public void Copy(Limbs from, Limbs to)
    {
        _k.Copy(from, to);
        _k.Copy(from.Offset(1), to.Offset(1));
    }

    // dst = 9x = 8x + x in Fp.
    private void TimesNine(Limbs dst, Limbs x)
    {
        _k.AddReduced(x, x, dst);
        _k.AddReduced(dst, dst, dst);
        _k.AddReduced(dst, dst, dst);
        _k.AddReduced(dst, x, dst);
    }
}
