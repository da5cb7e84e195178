using ZkInference.Field;

namespace ZkInference.Groth16.Dev;

/// <summary>
/// Fixed-base scalar multiplication of many scalars by one generator (<see cref="G1FixedBase"/>,
/// <see cref="G2FixedBase"/>: 8-bit window tables, eight products at a time in vector lanes), in parallel
/// chunks, normalised with one batch inversion per chunk.
/// </summary>
internal static class FixedBase
{
    private const int Chunk = 1024;

    public static G1Affine[] G1(in G1Affine generator, ReadOnlySpan<Fr> scalars)
    {
        var table = new G1FixedBase(generator);
        Fr[] s = scalars.ToArray();
        var affine = new G1Affine[s.Length];
        Parallel.For(0, (s.Length + Chunk - 1) / Chunk, Parallelism.Cores, c =>
        {
            int from = c * Chunk, count = Math.Min(Chunk, s.Length - from);
            var jac = new G1Jacobian[count];
            table.Multiply(s.AsSpan(from, count), jac);
            G1Jacobian.BatchToAffine(jac, affine.AsSpan(from, count));
        });
        return affine;
    }

    public static G2Affine[] G2(in G2Affine generator, ReadOnlySpan<Fr> scalars)
    {
        var table = new G2FixedBase(generator);
        Fr[] s = scalars.ToArray();
        var affine = new G2Affine[s.Length];
        Parallel.For(0, (s.Length + Chunk - 1) / Chunk, Parallelism.Cores, c =>
        {
            int from = c * Chunk, count = Math.Min(Chunk, s.Length - from);
            var jac = new G2Jacobian[count];
            table.Multiply(s.AsSpan(from, count), jac);
            G2Jacobian.BatchToAffine(jac, affine.AsSpan(from, count));
        });
        return affine;
    }
}
