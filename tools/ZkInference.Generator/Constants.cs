using System.Numerics;

namespace ZkInference.Generator;

/// <summary>The Montgomery constants of one field, derived from its modulus with BigInteger.</summary>
internal sealed class Constants
{
    public static readonly BigInteger TwoTo64 = BigInteger.One << 64;
    public static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    public Constants(BigInteger q)
    {
        Q = q;
        Bits = (int)q.GetBitLength();
        R = TwoTo256 % q;
        R2 = R * R % q;
        R3 = R2 * R % q;
        NegQ = TwoTo256 - q;
        // -q^-1 mod 2^64: Montgomery's per-word reduction factor.
        BigInteger inv = BigInteger.ModPow(q % TwoTo64, TwoTo64 / 2 - 1, TwoTo64); // q odd: q^(2^63-1) = q^-1 mod 2^64
        QInv = inv;
        QInvNeg = (TwoTo64 - inv) % TwoTo64;
        if ((q * inv) % TwoTo64 != 1) throw new InvalidOperationException("bad inverse");
        if (Limb(q, 3) >= (ulong.MaxValue >> 1) - 1)
            throw new InvalidOperationException("the no-carry Montgomery multiplication needs the top limb below 2^63 - 1");
    }

    public BigInteger Q { get; }
    public int Bits { get; }
    public BigInteger R { get; }
    public BigInteger R2 { get; }
    public BigInteger R3 { get; }
    public BigInteger QInvNeg { get; }

    /// <summary>2²⁵⁶ − q: adding it carries out of 256 bits exactly when the other addend is at least q.</summary>
    public BigInteger NegQ { get; }

    /// <summary>q⁻¹ mod 2⁶⁴.</summary>
    public BigInteger QInv { get; }

    public static ulong Limb(BigInteger v, int i) => (ulong)((v >> (64 * i)) & (TwoTo64 - 1));

    public static string Hex(ulong v) => "0x" + v.ToString("X16") + "UL";

    /// <summary>The four limbs of v as C# literals: "0x..UL, 0x..UL, ...".</summary>
    public static string Limbs(BigInteger v) =>
        string.Join(", ", Enumerable.Range(0, 4).Select(i => Hex(Limb(v, i))));
}
