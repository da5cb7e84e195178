using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// ψ = untwist ∘ Frobenius ∘ twist on the D-type sextic twist y² = x³ + 3/ξ (ξ = 9 + u), after
/// Galbraith–Scott (ePrint 2008/117): ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)), where x̄ is the
/// conjugate (the p-power Frobenius of Fp2). On G2 it acts as multiplication by p.
/// </summary>
[SkipLocalsInit]
internal static class G2Endomorphism
{
    /// <summary>The BN254 seed x (p and r are polynomials in it; 6x + 2 is the ate loop).</summary>
    public const ulong Seed = 4965661367192848881;

    /// <summary>ξ^((p−1)/3), the factor on x.</summary>
    public static readonly Fp2 CoefficientX = Pow(Fp2.NonResidue, (Fp.Modulus - 1) / 3);

    /// <summary>ξ^((p−1)/2), the factor on y.</summary>
    public static readonly Fp2 CoefficientY = Pow(Fp2.NonResidue, (Fp.Modulus - 1) / 2);

    private static Fp2 Pow(Fp2 a, BigInteger e)
    {
        Fp2 acc = Fp2.One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            Fp2.Square(acc, out acc);
            if (!(e >> (int)i).IsEven) Fp2.Mul(acc, a, out acc);
        }
        return acc;
    }

    /// <summary>r = ψ(p) in Jacobian coordinates: (X̄·cx : Ȳ·cy : Z̄), since conjugation commutes with x = X/Z².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Psi(in JacobianPoint<Fp2> p, out JacobianPoint<Fp2> r)
    {
        Fp2.Conjugate(p.X, out Fp2 x);
        Fp2.Conjugate(p.Y, out Fp2 y);
        Fp2.Conjugate(p.Z, out Fp2 z);
        Fp2.Mul(x, CoefficientX, out x);
        Fp2.Mul(y, CoefficientY, out y);
        r = new JacobianPoint<Fp2>(x, y, z);
    }

    /// <summary>
    /// Whether a point already known to be on the twist lies in G2 (order r).
    /// Criterion (Dai, Lin, Zhao, Zhou, "Fast subgroup membership testings for G1, G2 and GT on
    /// pairing-friendly curves", ePrint 2022/348, BN case; applied to BN254 by Sanso and Liang,
    /// ethresear.ch/t/13974): for a seed x with x ≢ 4 (mod 13) and x ≢ 92 (mod 97) — true for BN254,
    /// asserted in the tests — Q ∈ G2 iff [x + 1]Q + ψ([x]Q) + ψ²([x]Q) = ψ³([2x]Q).
    /// Cost: one 63-bit multiplication instead of a 254-bit one by r.
    /// </summary>
    public static bool IsInSubgroup(in JacobianPoint<Fp2> q)
    {
        if (q.IsInfinity) return true;
        ReadOnlySpan<ulong> seed = [Seed, 0, 0, 0];
        Wnaf.Multiply(q, seed, out JacobianPoint<Fp2> xq);
        return Criterion(q, xq);
    }

    /// <summary>The criterion of <see cref="IsInSubgroup"/> given xq = [x]q (computed elsewhere, e.g. in columns).</summary>
    public static bool Criterion(in JacobianPoint<Fp2> q, in JacobianPoint<Fp2> xq)
    {
        JacobianPoint<Fp2>.Add(xq, q, out JacobianPoint<Fp2> lhs);
        Psi(xq, out JacobianPoint<Fp2> t);
        JacobianPoint<Fp2>.Add(lhs, t, out lhs);
        Psi(t, out t);
        JacobianPoint<Fp2>.Add(lhs, t, out lhs);
        JacobianPoint<Fp2>.Double(xq, out JacobianPoint<Fp2> rhs);
        Psi(rhs, out rhs);
        Psi(rhs, out rhs);
        Psi(rhs, out rhs);
        return JacobianPoint<Fp2>.AreEqual(lhs, rhs);
    }

    /// <summary>The other published criterion, ψ(Q) = [6x²]Q (El Housni, Guillevic, Piellard, ePrint 2022/352): slower, kept to cross-check in tests.</summary>
    public static bool IsInSubgroupSixXSquared(in JacobianPoint<Fp2> q)
    {
        UInt128 sixXSquared = 6 * (UInt128)Seed * Seed;
        ReadOnlySpan<ulong> k = [(ulong)sixXSquared, (ulong)(sixXSquared >> 64), 0, 0];
        Wnaf.Multiply(q, k, out JacobianPoint<Fp2> lhs);
        Psi(q, out JacobianPoint<Fp2> rhs);
        return JacobianPoint<Fp2>.AreEqual(lhs, rhs);
    }
}
