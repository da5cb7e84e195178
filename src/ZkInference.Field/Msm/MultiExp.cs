using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// Multi-scalar multiplication Σ kᵢ·Pᵢ (Pippenger's bucket method with signed-digit windows,
/// batch-affine bucket accumulation and parallel windows). Zero scalars and identity points are skipped.
/// </summary>
public static class MultiExp
{
    /// <summary>Σ scalars[i]·points[i] in G1.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static G1Jacobian G1(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars, MsmOptions? options = null)
    {
        CheckLengths(points.Length, scalars.Length);
        return G1Unchecked(points, scalars, options);
    }

    /// <summary>Σ scalars[i]·points[i] over the first min(points, scalars) pairs (extra entries are ignored).</summary>
    public static unsafe G1Jacobian G1Unchecked(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars, MsmOptions? options = null)
    {
        int n = Math.Min(points.Length, scalars.Length);
        fixed (G1Affine* p = points)
        fixed (Fr* s = scalars)
        {
            Pippenger<Fp>.Run((AffinePoint<Fp>*)p, s, n, options ?? MsmOptions.Default, out JacobianPoint<Fp> r);
            return G1Jacobian.FromCore(r);
        }
    }

    /// <summary>Σ scalars[i]·points[i] in G2.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static G2Jacobian G2(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars, MsmOptions? options = null)
    {
        CheckLengths(points.Length, scalars.Length);
        return G2Unchecked(points, scalars, options);
    }

    /// <summary>Σ scalars[i]·points[i] in G2 over the first min(points, scalars) pairs.</summary>
    public static unsafe G2Jacobian G2Unchecked(ReadOnlySpan<G2Affine> points, ReadOnlySpan<Fr> scalars, MsmOptions? options = null)
    {
        int n = Math.Min(points.Length, scalars.Length);
        fixed (G2Affine* p = points)
        fixed (Fr* s = scalars)
        {
            Pippenger<Fp2>.Run((AffinePoint<Fp2>*)p, s, n, options ?? MsmOptions.Default, out JacobianPoint<Fp2> r);
            return G2Jacobian.FromCore(r);
        }
    }

    private static void CheckLengths(int points, int scalars)
    {
        if (points != scalars)
            throw new ArgumentException($"{points} points but {scalars} scalars: the lengths must match", nameof(scalars));
    }
}
