using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using ZkInference.Field;

namespace ZkInference.Groth16.Ceremony;

/// <summary>
/// Draws field elements and curve points from a <see cref="ChaChaRng"/> exactly as snarkjs does, and
/// builds snarkjs's generators: from entropy (fresh random bytes plus the user's text) and from a
/// beacon (a hash iterated 2^n times with SHA-256).
/// </summary>
/// <remarks>
/// snarkjs treats the raw 254-bit draw as a Montgomery representation, so the element drawn is
/// v·R⁻¹; this is reproduced because beacon keys and hash-to-G2 points are recomputed by verifiers.
/// </remarks>
public static class SnarkjsRandom
{
    // (q − 1)/2 in 64-bit limbs, least significant first.
    private const ulong H0 = 0x9e10460b6c3e7ea3UL, H1 = 0xcbc0b548b438e546UL, H2 = 0xdc2822db40c0ac2eUL, H3 = 0x183227397098d014UL;
    private static readonly BigInteger G2Cofactor = BigInteger.Parse("030644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d", System.Globalization.NumberStyles.HexNumber);
    private const ulong Mask254 = (1UL << 62) - 1;

    /// <summary>An Fr element drawn as snarkjs's <c>Fr.fromRng</c>.</summary>
    public static Fr NextFr(ChaChaRng rng)
    {
        while (true)
        {
            ulong l0 = rng.NextUInt64(), l1 = rng.NextUInt64(), l2 = rng.NextUInt64(), l3 = rng.NextUInt64() & Mask254;
            if (Fr.TryFromMontgomery(l0, l1, l2, l3, out Fr r)) return r;
        }
    }

    /// <summary>An Fp element drawn as snarkjs's <c>F1.fromRng</c>.</summary>
    public static Fp NextFp(ChaChaRng rng)
    {
        while (true)
        {
            ulong l0 = rng.NextUInt64(), l1 = rng.NextUInt64(), l2 = rng.NextUInt64(), l3 = rng.NextUInt64() & Mask254;
            if (Fp.TryFromMontgomery(l0, l1, l2, l3, out Fp r)) return r;
        }
    }

    /// <summary>A G1 point drawn as snarkjs's <c>G1.fromRng</c>.</summary>
    public static G1Affine NextG1(ChaChaRng rng)
    {
        while (true)
        {
            Fp x = NextFp(rng);
            bool greatest = rng.NextBool();
            Fp rhs = x * x * x + G1Affine.B;
            if (!Fp.TrySqrt(rhs, out Fp y)) continue;
            if (greatest ^ IsNegative(y)) y = -y;
            return new G1Affine(x, y);
        }
    }

    /// <summary>A G2 point drawn as snarkjs's <c>G2.fromRng</c> (a twist point times the cofactor).</summary>
    public static G2Affine NextG2(ChaChaRng rng)
    {
        while (true)
        {
            Fp x0 = NextFp(rng), x1 = NextFp(rng);
            var x = new Fp2(x0, x1);
            bool greatest = rng.NextBool();
            Fp2 rhs = x * x * x + G2Affine.B;
            if (!Fp2.TrySqrt(rhs, out Fp2 y)) continue;
            if (greatest ^ IsNegative(y)) y = -y;
            return MultiplyRaw(G2Jacobian.FromAffine(new G2Affine(x, y)), G2Cofactor).ToAffine();
        }
    }

    /// <summary>snarkjs's <c>hashToG2</c>: a G2 point from a ChaCha generator seeded by the hash.</summary>
    public static G2Affine HashToG2(ReadOnlySpan<byte> hash) => NextG2(ChaChaRng.FromHash(hash));

    /// <summary>The generator snarkjs makes for a contribution: BLAKE2b-512 of 64 fresh random bytes and the entropy text.</summary>
    public static ChaChaRng FromEntropy(string entropy)
    {
        var h = new Blake2b();
        h.Update(RandomNumberGenerator.GetBytes(64));
        h.Update(Encoding.UTF8.GetBytes(entropy));
        return ChaChaRng.FromHash(h.Digest());
    }

    /// <summary>The generator of a beacon: SHA-256 applied 2^<paramref name="numIterationsExp"/> times to the beacon hash.</summary>
    public static ChaChaRng FromBeacon(ReadOnlySpan<byte> beaconHash, int numIterationsExp)
    {
        if (numIterationsExp is < 0 or > 63) throw new Groth16Exception($"the beacon's iteration exponent {numIterationsExp} is out of range (0..63)");
        byte[] cur = beaconHash.ToArray();
        ulong n = 1UL << numIterationsExp;
        for (ulong i = 0; i < n; i++) cur = SHA256.HashData(cur);
        return ChaChaRng.FromHash(cur);
    }

    /// <summary>snarkjs's sign test for Fp: the canonical value is above (q−1)/2.</summary>
    public static bool IsNegative(in Fp a)
    {
        a.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        if (c3 != H3) return c3 > H3;
        if (c2 != H2) return c2 > H2;
        if (c1 != H1) return c1 > H1;
        return c0 > H0;
    }

    /// <summary>snarkjs's sign test for Fp2: the imaginary part decides unless it is zero.</summary>
    public static bool IsNegative(in Fp2 a) => a.A1.IsZero ? IsNegative(a.A0) : IsNegative(a.A1);

    /// <summary>−1, 0 or 1 as snarkjs's <c>sign</c> for Fp2 (used by compressed G2 encodings).</summary>
    public static int Sign(in Fp2 a)
    {
        if (!a.A1.IsZero) return IsNegative(a.A1) ? -1 : 1;
        if (a.A0.IsZero) return 0;
        return IsNegative(a.A0) ? -1 : 1;
    }

    private static G2Jacobian MultiplyRaw(in G2Jacobian p, BigInteger k)
    {
        G2Jacobian acc = G2Jacobian.Infinity;
        for (int i = (int)k.GetBitLength() - 1; i >= 0; i--)
        {
            G2Jacobian.Double(acc, out acc);
            if (!(k >> i).IsEven) G2Jacobian.Add(acc, p, out acc);
        }
        return acc;
    }
}
