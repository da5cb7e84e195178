using System.Runtime.InteropServices;
using ZkInference.Field.Internal;

namespace ZkInference.Field;

/// <summary>
/// Many scalar multiplications of one fixed point (a trusted setup multiplies the generators by every wire's
/// scalars): a table of d·2⁸ᵏ·P (k &lt; 32, d = 1 … 255) in affine form, so each product is at most 32 mixed
/// additions, eight products at a time in vector registers where AVX-512 is present.
/// </summary>
public sealed class G1FixedBase
{
    private readonly FixedBaseTable<FpVec8, Fp> _table;

    /// <summary>Builds the table for <paramref name="point"/> (255·32 points).</summary>
    public G1FixedBase(in G1Affine point) => _table = new(point.X, point.Y);

    /// <summary>results[i] = scalars[i]·P.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Multiply(ReadOnlySpan<Fr> scalars, Span<G1Jacobian> results) =>
        _table.Multiply(scalars, MemoryMarshal.Cast<G1Jacobian, JacobianPoint<Fp>>(results));
}

/// <summary>The G2 counterpart of <see cref="G1FixedBase"/>.</summary>
public sealed class G2FixedBase
{
    private readonly FixedBaseTable<Fp2Vec8, Fp2> _table;

    /// <summary>Builds the table for <paramref name="point"/>.</summary>
    public G2FixedBase(in G2Affine point) => _table = new(point.X, point.Y);

    /// <summary>results[i] = scalars[i]·P.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Multiply(ReadOnlySpan<Fr> scalars, Span<G2Jacobian> results) =>
        _table.Multiply(scalars, MemoryMarshal.Cast<G2Jacobian, JacobianPoint<Fp2>>(results));
}
