using System.Numerics;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

public readonly partial struct G1Jacobian
{
    /// <summary>k·P by GLV (endomorphism split into two ~127-bit halves) with interleaved 5-NAF.</summary>
    public static G1Jacobian Multiply(in G1Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Glv.Multiply(Core(p), limbs, out JacobianPoint<Fp> r);
        return FromCore(r);
    }

    /// <summary>
    /// results[i] = scalars[i]·points[i] for many independent pairs, eight at a time in AVX-512 lanes where
    /// available (several times the throughput of one-by-one <see cref="Multiply(in G1Jacobian, in Fr)"/>), one by
    /// one otherwise. <paramref name="results"/> may be <paramref name="points"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The three spans differ in length.</exception>
    public static void MultiplyMany(ReadOnlySpan<G1Jacobian> points, ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results)
    {
        if (points.Length != scalars.Length || points.Length != results.Length)
            throw new ArgumentException($"{points.Length} points, {scalars.Length} scalars and {results.Length} results: the lengths must match");
        BatchScalarMul.G1(points, scalars, results);
    }

    /// <summary>
    /// results[i] = scalar·points[i]: one scalar for many points (the butterflies of a group FFT multiply many
    /// points by one twiddle). Eight points at a time share the scalar's recoding, which lets them use sparser
    /// digits than <see cref="MultiplyMany(ReadOnlySpan{G1Jacobian}, ReadOnlySpan{Fr}, Span{G1Jacobian})"/>;
    /// a tail of fewer than eight is multiplied one by one. <paramref name="results"/> may be <paramref name="points"/> itself.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void MultiplyMany(ReadOnlySpan<G1Jacobian> points, in Fr scalar, Span<G1Jacobian> results)
    {
        if (points.Length != results.Length)
            throw new ArgumentException($"{points.Length} points and {results.Length} results: the lengths must match");
        SharedScalarMul.G1(points, scalar, results);
    }

    /// <summary>k·P for any integer k (negative included): G1 has prime order r, so k·P = (k mod r)·P.</summary>
    public static G1Jacobian Multiply(in G1Jacobian p, BigInteger k) => Multiply(p, Scalars.Reduce(k));

    /// <summary>k·P for a 32-byte big-endian k, any 256-bit value (the EVM ecMul scalar word).</summary>
    /// <exception cref="ArgumentException"><paramref name="scalar"/> is not 32 bytes.</exception>
    public static G1Jacobian MultiplyBigEndian(in G1Jacobian p, ReadOnlySpan<byte> scalar) =>
        Multiply(p, Scalars.ReduceBigEndian(scalar));

    /// <summary>k·P by 5-NAF without the endomorphism (for tests and comparison).</summary>
    internal static G1Jacobian MultiplyWnaf(in G1Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.Multiply(Core(p), limbs, out JacobianPoint<Fp> r);
        return FromCore(r);
    }

    /// <summary>k·P by double-and-add over the bits of k: the simple reference path.</summary>
    internal static G1Jacobian MultiplyReference(in G1Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        Scalars.ToLimbs(k, limbs);
        Wnaf.MultiplyReference(Core(p), limbs, out JacobianPoint<Fp> r);
        return FromCore(r);
    }
}
