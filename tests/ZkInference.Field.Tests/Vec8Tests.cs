using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>FpVec8/FrVec8 (eight elements in registers): every operation against the scalar one, lane by lane.</summary>
public sealed unsafe class Vec8Tests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public bool FrVec8MatchesScalar(Fr a0, Fr a1, Fr a2, Fr a3, Fr b0, Fr b1, Fr b2, Fr b3)
    {
        if (!Lanes8.IsSupported) return true;
        Fr[] a = [a0, a1, a2, a3, b0, b1, b2, b3], b = [b3, b2, a0, a1, a2, a3, b0, b1];
        var mul = new Fr[8]; var add = new Fr[8]; var sub = new Fr[8]; var neg = new Fr[8]; var dbl = new Fr[8]; var round = new Fr[8];
        fixed (Fr* pa = a, pb = b, pm = mul, pad = add, ps = sub, pn = neg, pd = dbl, pr = round)
        {
            FrVec8.Load(pa, out FrVec8 x);
            FrVec8.Load(pb, out FrVec8 y);
            x.Store(pr);
            FrVec8.Mul(x, y, out FrVec8 r); r.Store(pm);
            FrVec8.Add(x, y, out r); r.Store(pad);
            FrVec8.Sub(x, y, out r); r.Store(ps);
            FrVec8.Neg(x, out r); r.Store(pn);
            FrVec8.Double(x, out r); r.Store(pd);
        }
        for (int k = 0; k < 8; k++)
            if (round[k] != a[k] || mul[k] != a[k] * b[k] || add[k] != a[k] + b[k] || sub[k] != a[k] - b[k] || neg[k] != -a[k] || dbl[k] != a[k] + a[k]) return false;
        return true;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public bool FpVec8MatchesScalar(Fp a0, Fp a1, Fp a2, Fp a3, Fp b0, Fp b1, Fp b2, Fp b3)
    {
        if (!Lanes8.IsSupported) return true;
        Fp[] a = [a0, a1, a2, a3, b0, b1, b2, b3], b = [b3, b2, a0, a1, a2, a3, b0, b1];
        var mul = new Fp[8]; var add = new Fp[8]; var sub = new Fp[8]; var neg = new Fp[8];
        fixed (Fp* pa = a, pb = b, pm = mul, pad = add, ps = sub, pn = neg)
        {
            FpVec8.Load(pa, out FpVec8 x);
            FpVec8.Load(pb, out FpVec8 y);
            FpVec8.Mul(x, y, out FpVec8 r); r.Store(pm);
            FpVec8.Add(x, y, out r); r.Store(pad);
            FpVec8.Sub(x, y, out r); r.Store(ps);
            FpVec8.Neg(x, out r); r.Store(pn);
        }
        for (int k = 0; k < 8; k++)
            if (mul[k] != a[k] * b[k] || add[k] != a[k] + b[k] || sub[k] != a[k] - b[k] || neg[k] != -a[k]) return false;
        return true;
    }
}
