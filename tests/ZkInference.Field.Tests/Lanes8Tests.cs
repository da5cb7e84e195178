using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>
/// The eight-lane AVX-512 products (Fp.Mul8, Fr.Mul8) against the scalar Montgomery product, lane by lane,
/// with edge values (0, 1, q − 1, R, R², …) in every lane, and with the output aliasing an input. Skipped
/// where AVX-512 is absent (the suite's DOTNET_EnableHWIntrinsic=0 run covers the scalar fallback).
/// </summary>
public sealed unsafe class Lanes8Tests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool FrMul8MatchesScalar(Fr a0, Fr a1, Fr a2, Fr a3, Fr b0, Fr b1, Fr b2, Fr b3)
    {
        if (!Lanes8.IsSupported) return true;
        Fr[] a = [a0, a1, a2, a3, b0, b1, b2, b3], b = [b3, b2, a0, a1, a2, a3, b0, b1], r = new Fr[8];
        fixed (Fr* pa = a, pb = b, pr = r) Fr.Mul8(pa, pb, pr);
        for (int k = 0; k < 8; k++) if (r[k] != a[k] * b[k]) return false;
        fixed (Fr* pa = a, pb = b) Fr.Mul8(pa, pb, pa); // r aliasing a
        return a.SequenceEqual(r);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool FpMul8MatchesScalar(Fp a0, Fp a1, Fp a2, Fp a3, Fp b0, Fp b1, Fp b2, Fp b3)
    {
        if (!Lanes8.IsSupported) return true;
        Fp[] a = [a0, a1, a2, a3, b0, b1, b2, b3], b = [b3, b2, a0, a1, a2, a3, b0, b1], r = new Fp[8];
        fixed (Fp* pa = a, pb = b, pr = r) Fp.Mul8(pa, pb, pr);
        for (int k = 0; k < 8; k++) if (r[k] != a[k] * b[k]) return false;
        fixed (Fp* pa = a, pb = b) Fp.Mul8(pa, pb, pb); // r aliasing b
        return b.SequenceEqual(r);
    }

    [Fact]
    public void EveryPairOfEdgeValues()
    {
        if (!Lanes8.IsSupported) return;
        var fr = Generators.EdgeValues(Fr.Modulus).Select(Fr.FromBigInteger).ToArray();
        var fp = Generators.EdgeValues(Fp.Modulus).Select(Fp.FromBigInteger).ToArray();
        var a = new Fr[8]; var b = new Fr[8]; var r = new Fr[8];
        var c = new Fp[8]; var d = new Fp[8]; var s = new Fp[8];
        int n = fr.Length * fr.Length;
        for (int start = 0; start < n; start += 8)
        {
            for (int k = 0; k < 8; k++)
            {
                int i = (start + k) % n;
                a[k] = fr[i / fr.Length]; b[k] = fr[i % fr.Length];
                c[k] = fp[i / fp.Length]; d[k] = fp[i % fp.Length];
            }
            fixed (Fr* pa = a, pb = b, pr = r) Fr.Mul8(pa, pb, pr);
            fixed (Fp* pc = c, pd = d, ps = s) Fp.Mul8(pc, pd, ps);
            for (int k = 0; k < 8; k++)
            {
                Assert.Equal(a[k] * b[k], r[k]);
                Assert.Equal(c[k] * d[k], s[k]);
            }
        }
    }
}
