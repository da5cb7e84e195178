using FsCheck.Xunit;
using Xunit;
using ZkInference.Field.Internal;

namespace ZkInference.Field.Tests;

/// <summary>
/// The eight-lane AVX-512 products (Fp.Mul8, Fr.Mul8) against the scalar Montgomery product, lane by lane,
/// with edge values (0, 1, q − 1, R, R², …) in every lane, and with the output aliasing an input. Skipped
/// where AVX-512 is absent (the suite's DOTNET_EnableHWIntrinsic=0 run covers the scalar fallback). The Fp2
/// products built on them (Fp2Lanes, used by the pairing and the G2 MSM) are checked the same way.
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

    // Fp2 from Fp components, so the edge values reach both halves.
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public bool Fp2Mul8AndSquare8MatchScalar(Fp a0, Fp a1, Fp a2, Fp a3, Fp b0, Fp b1, Fp b2, Fp b3)
    {
        if (!Lanes8.IsSupported) return true;
        Fp[] parts = [a0, a1, a2, a3, b0, b1, b2, b3];
        var a = new Fp2[8]; var b = new Fp2[8]; var r = new Fp2[8]; var s = new Fp2[8];
        for (int k = 0; k < 8; k++)
        {
            a[k] = new Fp2(parts[k], parts[(k + 3) % 8]);
            b[k] = new Fp2(parts[(k + 5) % 8], parts[(3 * k) % 8]);
        }
        fixed (Fp2* pa = a, pb = b, pr = r, ps = s)
        {
            Fp2Lanes.Mul(pa, pb, pr, 8);
            Fp2Lanes.Square(pa, ps, 8);
        }
        for (int k = 0; k < 8; k++) if (r[k] != a[k] * b[k] || s[k] != a[k] * a[k]) return false;
        Fp2[] c = (Fp2[])a.Clone(), d = (Fp2[])a.Clone();
        fixed (Fp2* pb = b, pc = c, pd = d)
        {
            Fp2Lanes.Mul(pc, pb, pc, 8); // r aliasing a
            Fp2Lanes.Square(pd, pd, 8);
        }
        return c.SequenceEqual(r) && d.SequenceEqual(s);
    }

    [Fact]
    public void Fp2Mul8OnEdgeValues()
    {
        if (!Lanes8.IsSupported) return;
        var fp = Generators.EdgeValues(Fp.Modulus).Select(Fp.FromBigInteger).ToArray();
        var a = new Fp2[8]; var b = new Fp2[8]; var r = new Fp2[8]; var s = new Fp2[8];
        int n = fp.Length * fp.Length;
        for (int start = 0; start < n; start += 8)
        {
            for (int k = 0; k < 8; k++)
            {
                int i = (start + k) % n;
                a[k] = new Fp2(fp[i / fp.Length], fp[i % fp.Length]);
                b[k] = new Fp2(fp[i % fp.Length], fp[(i / fp.Length + k) % fp.Length]);
            }
            fixed (Fp2* pa = a, pb = b, pr = r, ps = s)
            {
                Fp2Lanes.Mul(pa, pb, pr, 8);
                Fp2Lanes.Square(pa, ps, 8);
            }
            for (int k = 0; k < 8; k++)
            {
                Assert.Equal(a[k] * b[k], r[k]);
                Assert.Equal(a[k] * a[k], s[k]);
            }
        }
    }

    // The lane batch inversion (eight interleaved chains; Fp2 through the norm) against scalar inverses,
    // with edge values, for one, two and five blocks of eight.
    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(40)]
    public void LaneInversionMatchesScalarInverses(int count)
    {
        if (!Lanes8.IsSupported) return;
        var rng = new Random(count);
        var edges = Generators.EdgeValues(Fp.Modulus).Where(v => !v.IsZero).Select(Fp.FromBigInteger).ToArray();
        var fp = new Fp[count]; var fp2 = new Fp2[count];
        for (int i = 0; i < count; i++)
        {
            fp[i] = i % 3 == 0 ? edges[i % edges.Length] : Fp.Random(rng);
            fp2[i] = i % 4 == 1 ? new Fp2(edges[i % edges.Length], i % 8 == 1 ? Fp.Zero : edges[(i + 3) % edges.Length]) : Fp2.Random(rng);
        }
        Fp[] a = (Fp[])fp.Clone(), scratch = new Fp[count];
        Fp2[] b = (Fp2[])fp2.Clone(), scratch2 = new Fp2[count];
        fixed (Fp* pa = a, ps = scratch) LaneInversion.Invert(pa, ps, count);
        fixed (Fp2* pb = b, ps = scratch2) LaneInversion.Invert(pb, ps, count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(Fp.One, a[i] * fp[i]);
            Assert.Equal(Fp2.One, b[i] * fp2[i]);
        }
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
