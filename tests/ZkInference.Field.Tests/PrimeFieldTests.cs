using System.Numerics;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>
/// Every Fp/Fr operation against the System.Numerics.BigInteger oracle, with results checked to be
/// canonical (below the modulus) and outputs aliasing inputs.
/// </summary>
public abstract class PrimeFieldTests<T> where T : struct, IPrimeField<T>
{
    private static BigInteger Q => T.Modulus;

    private static BigInteger Big(T a) => a.ToBigInteger();

    private static BigInteger Mod(BigInteger v) => ((v % Q) + Q) % Q;

    [Property(Arbitrary = [typeof(Generators)])]
    public bool AddMatchesBigInteger(T a, T b) { T.Add(a, b, out T r); return Big(r) == Mod(Big(a) + Big(b)); }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool SubMatchesBigInteger(T a, T b) { T.Sub(a, b, out T r); return Big(r) == Mod(Big(a) - Big(b)); }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool MulMatchesBigInteger(T a, T b) { T.Mul(a, b, out T r); return Big(r) == Mod(Big(a) * Big(b)); }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool SquareMatchesBigInteger(T a) { T.Square(a, out T r); return Big(r) == Mod(Big(a) * Big(a)); }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool NegMatchesBigInteger(T a) { T.Neg(a, out T r); return Big(r) == Mod(-Big(a)); }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool DoubleMatchesBigInteger(T a) { T.Double(a, out T r); return Big(r) == Mod(2 * Big(a)); }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool InverseMatchesBigInteger(T a)
    {
        T.Inverse(a, out T r);
        return a.IsZero ? r.IsZero : Big(r) == BigInteger.ModPow(Big(a), Q - 2, Q);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool FieldAxioms(T a, T b, T c)
    {
        bool commutative = a + b == b + a && a * b == b * a;
        bool associative = (a + b) + c == a + (b + c) && (a * b) * c == a * (b * c);
        bool distributive = a * (b + c) == a * b + a * c;
        bool identities = a + T.Zero == a && a * T.One == a && a - a == T.Zero;
        T.Inverse(a, out T inv);
        bool inverse = a.IsZero || (a * inv).IsOne;
        return commutative && associative && distributive && identities && inverse;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool OutputMayAliasInput(T a, T b)
    {
        T x = a;
        T.Mul(x, b, out x);
        T y = a;
        T.Add(y, y, out y);
        T z = b;
        T.Sub(a, z, out z);
        return x == a * b && y == a + a && z == a - b;
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool ConversionsRoundTrip(T a)
    {
        BigInteger v = Big(a);
        return v >= 0 && v < Q && T.FromBigInteger(v) == a && T.FromBigInteger(v - 3 * Q) == a;
    }

    [Fact]
    public void InverseOfManyValues()
    {
        // Thousands of random values and every power of two (long runs of zero bits for the divsteps).
        var rng = new Random(7);
        for (int i = 0; i < 4000; i++)
        {
            T a = T.Random(rng);
            T.Inverse(a, out T inv);
            Assert.True(a.IsZero || (a * inv).IsOne, $"inverse of {a}");
        }
        for (int k = 0; k < (int)Q.GetBitLength(); k++)
        {
            T a = T.FromBigInteger(BigInteger.One << k);
            T.Inverse(a, out T inv);
            Assert.Equal(BigInteger.ModPow(BigInteger.One << k, Q - 2, Q), Big(inv));
        }
    }

    [Fact]
    public void SquareAgreesWithBigIntegerOnManyValues()
    {
        // Square has its own carry chains (doubled cross products, separate reduction): random values plus
        // elements whose Montgomery limbs are extreme (all-ones words, q − 1, just below powers of two).
        BigInteger rInv = BigInteger.ModPow((BigInteger.One << 256) % Q, Q - 2, Q);
        var values = new List<BigInteger>();
        BigInteger ones = ulong.MaxValue;
        foreach (BigInteger limbs in new[] { Q - 1, Q - 2, ones, ones | (ones << 64), ones | (ones << 64) | (ones << 128), (BigInteger.One << 253) - 1, BigInteger.One << 253, Q >> 1, 1, 0 })
            values.Add(limbs * rInv % Q);
        var rng = new Random(11);
        for (int i = 0; i < 3000; i++) values.Add(Big(T.Random(rng)));
        foreach (BigInteger v in values)
        {
            T a = T.FromBigInteger(v);
            T.Square(a, out T sq);
            Assert.Equal(v * v % Q, Big(sq));
            Assert.Equal(a * a, sq);
        }
    }

    [Fact]
    public void EdgeValuesAreCanonical()
    {
        foreach (BigInteger e in Generators.EdgeValues(Q))
            Assert.Equal(Mod(e), Big(T.FromBigInteger(e)));
        Assert.True(T.One.IsOne);
        Assert.Equal(BigInteger.One, Big(T.One));
    }
}

public sealed class FpFieldTests : PrimeFieldTests<Fp>;

public sealed class FrFieldTests : PrimeFieldTests<Fr>;
