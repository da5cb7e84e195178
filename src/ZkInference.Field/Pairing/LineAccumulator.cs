namespace ZkInference.Field;

/// <summary>
/// The Miller loop's accumulator f: lines evaluated at P come in one by one and are multiplied in two at
/// a time (<see cref="Fp12.Mul034By034"/> then <see cref="Fp12.MulBy01234"/>: 23 Fp2 products per two
/// lines instead of 26); an odd one out waits for the next line of the same step or goes in alone
/// before the next squaring. Work on the initial 1 is skipped.
/// </summary>
internal struct LineAccumulator
{
    private Fp12 _f;
    private bool _notOne;
    private bool _pending;
    private Fp2 _p0, _p3, _p4;

    /// <summary>f = f² (after absorbing a pending line).</summary>
    public void Square()
    {
        Flush();
        if (_notOne) Fp12.Square(_f, out _f);
    }

    /// <summary>Multiplies in the line value e0 + e3·w + e4·w³.</summary>
    public void Absorb(in Fp2 e0, in Fp2 e3, in Fp2 e4)
    {
        if (!_pending)
        {
            _p0 = e0;
            _p3 = e3;
            _p4 = e4;
            _pending = true;
            return;
        }
        Fp12.Mul034By034(_p0, _p3, _p4, e0, e3, e4, out Fp6 x0, out Fp2 x1, out Fp2 x3);
        if (_notOne) Fp12.MulBy01234(_f, x0, x1, x3, out _f);
        else _f = new Fp12(x0, new Fp6(x1, x3, Fp2.Zero));
        _notOne = true;
        _pending = false;
    }

    /// <summary>The product of everything absorbed (1 if nothing was).</summary>
    public void Finish(out Fp12 f)
    {
        Flush();
        f = _notOne ? _f : Fp12.One;
    }

    private void Flush()
    {
        if (!_pending) return;
        if (_notOne) Fp12.MulBy034(_f, _p0, _p3, _p4, out _f);
        else _f = new Fp12(new Fp6(_p0, Fp2.Zero, Fp2.Zero), new Fp6(_p3, _p4, Fp2.Zero));
        _notOne = true;
        _pending = false;
    }
}
