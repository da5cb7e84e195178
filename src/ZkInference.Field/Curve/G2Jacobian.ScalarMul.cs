using System.Numerics;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

public readonly partial struct G2Jacobian
{
    /// <summary>
    /// k·P for P in G2: k ≡ k0 + k1·λ + k2·λ² + k3·λ³ with λ = 6x² and |kᵢ| &lt; 2⁶⁶, and
    /// k·P = k0·P + k1·ψ(P) + k2·ψ²(P) + k3·ψ³(P), four interleaved ~66-bit 5-NAFs.
    /// ψ acts as 6x² only on G2, so for a twist point outside G2 (unchecked input) the result is not k·P;
    /// check <see cref="IsInSubgroup"/> first on untrusted points.
    /// </summary>
    public static G2Jacobian Multiply(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        G2Split.Multiply(Core(p), limbs, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }

    /// <summary>k·P by a plain 5-NAF, correct for every twist point (for tests and comparison).</summary>
    internal static G2Jacobian MultiplyWnaf(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.Multiply(Core(p), limbs, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }

    /// <summary>
    /// results[i] = scalars[i]·points[i] for many independent pairs, eight at a time in AVX-512 lanes where
    /// available (several times the throughput of one-by-one <see cref="Multiply(in G2Jacobian, in Fr)"/>), one by
    /// one otherwise. <paramref name="results"/> may be <paramref name="points"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The three spans differ in length.</exception>
    public static void MultiplyMany(ReadOnlySpan<G2Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results)
    {
        if (points.Length != scalars.Length || points.Length != results.Length)
            throw new ArgumentException($"{points.Length} points, {scalars.Length} scalars and {results.Length} results: the lengths must match");
        BatchScalarMul.G2(points, scalars, results);
    }

    /// <summary>
    /// results[i] = scalar·points[i]: one scalar for many points (the butterflies of a group FFT multiply many
    /// points by one twiddle). Eight points at a time share the scalar's recoding, which lets them use sparser
    /// digits than <see cref="MultiplyMany(ReadOnlySpan{G2Jacobian}, ReadOnlySpan{Fr}, Span{G2Jacobian})"/>;
    /// a tail of fewer than eight is multiplied one by one. <paramref name="results"/> may be <paramref name="points"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void MultiplyMany(ReadOnlySpan<G2Jacobian> points, in Fr scalar, Span<G2Jacobian> results)
    {
        if (points.Length != results.Length)
            throw new ArgumentException($"{points.Length} points and {results.Length} results: the lengths must match");
        SharedScalarMul.G2(points, scalar, results);
    }

    /// <summary>k·P for any integer k (negative included): G2 has prime order r, so k·P = (k mod r)·P for points of G2.</summary>
    public static G2Jacobian Multiply(in G2Jacobian p, BigInteger k) => Multiply(p, Scalars.Reduce(k));

    /// <summary>k·P for a 32-byte big-endian k, any 256-bit value, reduced mod r.</summary>
    /// <exception cref="ArgumentException"><paramref name="scalar"/> is not 32 bytes.</exception>
    public static G2Jacobian MultiplyBigEndian(in G2Jacobian p, ReadOnlySpan<byte> scalar) =>
        Multiply(p, Scalars.ReduceBigEndian(scalar));

    /// <summary>k·P by double-and-add over the bits of k: the simple reference path.</summary>
    internal static G2Jacobian MultiplyReference(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.MultiplyReference(Core(p), limbs, out JacobianPoint<Fp2> r);
        return FromCore(r);
    }
}
