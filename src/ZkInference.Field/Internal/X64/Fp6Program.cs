namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Fp6 = Fp2[v]/(v³ − ξ) operations emitted through an <see cref="Fp2Program"/>, the same formulas as the
/// managed <c>Fp6</c>. An Fp6 value is three consecutive Fp2 coefficients (six Fp elements), named by its
/// first; results are built in scratch and copied last, so destinations may alias operands.
/// </summary>
internal sealed class Fp6Program
{
    private readonly Fp2Program _p;
    private readonly Limbs _v0, _v1, _v2, _s, _t, _r;

    /// <summary>Emits through <paramref name="fp2"/>, taking its scratch from the same frame.</summary>
    public Fp6Program(Fp2Program fp2)
    {
        _p = fp2;
        _v0 = fp2.NewFp2();
        _v1 = fp2.NewFp2();
        _v2 = fp2.NewFp2();
        _s = fp2.NewFp2();
        _t = fp2.NewFp2();
        _r = NewFp6();
    }

    /// <summary>The Fp2 layer this emits through.</summary>
    public Fp2Program Fp2 => _p;

    /// <summary>A fresh Fp6 scratch value.</summary>
    public Limbs NewFp6()
    {
        Limbs first = _p.NewFp2();
        _p.NewFp2();
        _p.NewFp2();
        return first;
    }

    /// <summary>dst = a·b, Karatsuba: six Fp2 products.</summary>
    public void Mul(Limbs dst, Limbs a, Limbs b)
    {
        Limbs a0 = a, a1 = a.Offset(2), a2 = a.Offset(4), b0 = b, b1 = b.Offset(2), b2 = b.Offset(4);
        Limbs c0 = _r, c1 = _r.Offset(2), c2 = _r.Offset(4);
        _p.Mul(_v0, a0, b0);
        _p.Mul(_v1, a1, b1);
        _p.Mul(_v2, a2, b2);
        // c0 = v0 + ξ·((a1 + a2)(b1 + b2) − v1 − v2)
        Cross(c0, a1, a2, b1, b2, _v1, _v2);
        _p.MulByNonResidue(c0, c0);
        _p.Add(c0, c0, _v0);
        // c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξ·v2
        Cross(c1, a0, a1, b0, b1, _v0, _v1);
        _p.MulByNonResidue(_t, _v2);
        _p.Add(c1, c1, _t);
        // c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1
        Cross(c2, a0, a2, b0, b2, _v0, _v2);
        _p.Add(c2, c2, _v1);
        Copy(_r, dst);
    }

    /// <summary>dst = a·(b0 + b1·v): five Fp2 products.</summary>
    public void MulBy01(Limbs dst, Limbs a, Limbs b0, Limbs b1)
    {
        Limbs a0 = a, a1 = a.Offset(2), a2 = a.Offset(4);
        Limbs c0 = _r, c1 = _r.Offset(2), c2 = _r.Offset(4);
        _p.Mul(_v0, a0, b0);
        _p.Mul(_v1, a1, b1);
        // c0 = v0 + ξ·a2·b1
        _p.Mul(c0, a2, b1);
        _p.MulByNonResidue(c0, c0);
        _p.Add(c0, c0, _v0);
        // c1 = (a0 + a1)(b0 + b1) − v0 − v1
        Cross(c1, a0, a1, b0, b1, _v0, _v1);
        // c2 = a2·b0 + v1
        _p.Mul(c2, a2, b0);
        _p.Add(c2, c2, _v1);
        Copy(_r, dst);
    }

    // Karatsuba's cross term: dst = (x + y)(u + w) − xu − yw, given xu and yw.
    private void Cross(Limbs dst, Limbs x, Limbs y, Limbs u, Limbs w, Limbs xu, Limbs yw)
    {
        _p.Add(_s, x, y);
        _p.Add(_t, u, w);
        _p.Mul(dst, _s, _t);
        _p.Sub(dst, dst, xu);
        _p.Sub(dst, dst, yw);
    }

    /// <summary>dst = a·b for b in Fp2.</summary>
    public void MulByFp2(Limbs dst, Limbs a, Limbs b)
    {
        for (int i = 0; i < 3; i++) _p.Mul(_r.Offset(2 * i), a.Offset(2 * i), b);
        Copy(_r, dst);
    }

    /// <summary>dst = a + b.</summary>
    public void Add(Limbs dst, Limbs a, Limbs b)
    {
        for (int i = 0; i < 3; i++) _p.Add(dst.Offset(2 * i), a.Offset(2 * i), b.Offset(2 * i));
    }

    /// <summary>dst = a − b.</summary>
    public void Sub(Limbs dst, Limbs a, Limbs b)
    {
        for (int i = 0; i < 3; i++) _p.Sub(dst.Offset(2 * i), a.Offset(2 * i), b.Offset(2 * i));
    }

    /// <summary>dst = 2a.</summary>
    public void Double(Limbs dst, Limbs a) => Add(dst, a, a);

    /// <summary>dst = a·v = ξ·a2 + a0·v + a1·v².</summary>
    public void MulByNonResidue(Limbs dst, Limbs a)
    {
        _p.MulByNonResidue(_s, a.Offset(4));
        _p.Copy(a.Offset(2), _t);
        _p.Copy(a, dst.Offset(2));
        _p.Copy(_t, dst.Offset(4));
        _p.Copy(_s, dst);
    }

    /// <summary>Copies an Fp6 value.</summary>
    public void Copy(Limbs from, Limbs to)
    {
        for (int i = 0; i < 3; i++) _p.Copy(from.Offset(2 * i), to.Offset(2 * i));
    }
}
