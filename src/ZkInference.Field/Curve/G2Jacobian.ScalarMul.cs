using System.Numerics;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

public readonly partial struct G2Jacobian
{
    /// <summary>k·P by 5-NAF.</summary>
    public static G2Jacobian Multiply(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.Multiply(Core(p), limbs, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }

    /// <summary>k·P for any integer k (negative included): G2 has prime order r, so k·P = (k mod r)·P for points of G2.</summary>
    public static G2Jacobian Multiply(in G2Jacobian p, BigInteger k) => Multiply(p, Scalars.Reduce(k));

    /// <summary>k·P for a 32-byte big-endian k, any 256-bit value , reduced mod r.</summary>
    /// <exception cref="ArgumentException"><paramref name="scalar"/> is not 32 bytes.</exception>
    public static G2Jacobian MultiplyBigEndian(in G2Jacobian p, ReadOnlySpan<byte> scalar) =>
        Multiply(p, Scalars.ReduceBigEndian(scalar));

    /// <summary>k·P by 5-NAF without the endomorphism (for tests and comparison).</summary>
    internal static G2Jacobian MultiplyWnaf(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.Multiply(Core(p), limbs, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }

    /// <summary>k·P by double-and-add over the bits of k: the simple reference path.</summary>
    internal static G2Jacobian MultiplyReference(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.MultiplyReference(Core(p), limbs, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }
}
