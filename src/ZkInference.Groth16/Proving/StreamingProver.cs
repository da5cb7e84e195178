using System.Runtime.InteropServices;
using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16;

/// <summary>
/// Proves straight from a .zkey file without holding the whole key, in one buffer of 1.5·domain G1 slots
/// (3·domain scalars) reused by every step:
/// <list type="bullet">
/// <item>the coefficients stream into A·w (third 2) and B·w (third 0), C = A∘B goes in third 1, and the
/// FFTs leave the H scalars P in third 2, so that</item>
/// <item>the domain's H points fill thirds 0–1 for the H MSM;</item>
/// <item>then A, B1, B2 (as G2 points, two slots each) and C stream through the whole buffer, a section at a
/// time and in several chunks when it does not fit (the chunk MSMs are summed: Σ over a union of disjoint
/// index ranges).</item>
/// </list>
/// Peak data is this buffer (6 MB at 2^16 constraints), the caller's witness (2 MB) and the MSM's digits (3 MB).
/// Every section is validated exactly as <see cref="ZkeyFile.Read(string)"/> does.
/// </summary>
internal static class StreamingProver
{
    /// <summary>Proves, validates the key's sections as they stream, and self-checks the proof.</summary>
    /// <param name="zkeyPath">The .zkey file.</param>
    /// <param name="witness">All nVars wire values.</param>
    /// <param name="maxChunk">At most this many points per MSM chunk (tests force many chunks; default: as many as fit).</param>
    public static ProofWithPublicSignals Prove(string zkeyPath, ReadOnlySpan<Fr> witness, int maxChunk = int.MaxValue)
    {
        using BinFile f = BinFile.Open(zkeyPath, ZkeyFile.Magic, ZkeyFile.Version, ZkeyFile.Version);
        ProvingKey header = ZkeyFile.ReadHeader(f);
        Prover.CheckWitnessShape(header, witness);
        int n = header.VariableCount, nPub = header.PublicCount, domain = header.DomainSize;

        // 3·domain scalars = 1.5·domain G1 slots (a G1 point is two scalars' worth of bytes).
        var buffer = GC.AllocateUninitializedArray<G1Affine>(3 * domain / 2 + 1);
        Span<Fr> scalars = MemoryMarshal.Cast<G1Affine, Fr>(buffer.AsSpan());
        Span<Fr> third0 = scalars.Slice(0, domain), third1 = scalars.Slice(domain, domain), third2 = scalars.Slice(2 * domain, domain);

        // H first: A·w (third 2) and B·w (third 0) from the coefficients, times R (see FoldCoefficients); the FFTs
        // leave P = A·B − C on the odd coset, times R², in third 2, and the H points stream through thirds 0–1.
        // The H MSM result is scaled by R⁻² once.
        FoldCoefficients(f, header, witness, third2, third0);
        QapEvaluator.OddCosetQuotientInPlace(header.DomainPower, third2, third0, third1);
        G1Jacobian msmH = MsmG1(f, buffer, Math.Min(domain, maxChunk), ZkeySection.PointsH, domain, third2, "H");
        msmH = G1Jacobian.Multiply(msmH, ZkeyCoefficientCodec.RInverseSquared);

        int capacity = Math.Min(buffer.Length, maxChunk);
        G1Jacobian msmA = MsmG1(f, buffer, capacity, ZkeySection.PointsA, n, witness, "A");
        G1Jacobian msmB1 = MsmG1(f, buffer, capacity, ZkeySection.PointsB1, n, witness, "B1");
        G2Jacobian msmB2 = MsmG2(f, buffer, Math.Min(buffer.Length / 2, maxChunk), n, witness);
        G1Jacobian msmC = MsmG1(f, buffer, capacity, ZkeySection.PointsC, n - nPub - 1, witness[(nPub + 1)..], "C");
        buffer = null!;

        ProofWithPublicSignals result = Prover.Assemble(header, witness, msmA, msmB1, msmB2, msmC, msmH, ProofRandomness.NextScalar(), ProofRandomness.NextScalar());
        Prover.SelfCheck(header, result);
        return result;
    }

    /// <summary>
    /// Streams section 4 into a = Σ c·w over the A entries and b over the B entries, each row times R: the
    /// coefficients are read raw (c·R, without their usual R⁻¹ multiplication), saving one product per entry.
    /// </summary>
    private static void FoldCoefficients(BinFile f, ProvingKey header, ReadOnlySpan<Fr> w, Span<Fr> a, Span<Fr> b)
    {
        using var reader = new ZkeyCoefficientReader(f, header.VariableCount, header.DomainSize, raw: true);
        a.Clear();
        b.Clear();
        while (reader.TryNext(out ZkeyCoefficient c))
        {
            ref Fr target = ref (c.Matrix == QapMatrix.A ? ref a[c.Constraint] : ref b[c.Constraint]);
            Fr.Mul(c.Value, w[c.Signal], out Fr term);
            Fr.Add(target, term, out target);
        }
    }

    /// <summary>Σ scalars[i]·P[i] over a G1 section streamed through the first <paramref name="capacity"/> slots of the buffer, in chunks that fit.</summary>
    private static G1Jacobian MsmG1(BinFile f, G1Affine[] buffer, int capacity, ZkeySection section, int count, ReadOnlySpan<Fr> scalars, string what)
    {
        f.OpenSection((int)section, what + " points", (long)count * G1Affine.SizeInBytes);
        G1Jacobian sum = G1Jacobian.Infinity;
        foreach ((int start, int length) in Chunks(count, capacity))
        {
            PointArrays.ReadG1(f, buffer, length, what, start);
            sum += MultiExp.G1(buffer.AsSpan(0, length), scalars.Slice(start, length));
        }
        return sum;
    }

    /// <summary>Σ w[i]·B2[i], the G2 section streamed through the buffer (half as many G2 points as G1 slots).</summary>
    private static G2Jacobian MsmG2(BinFile f, G1Affine[] buffer, int capacity, int count, ReadOnlySpan<Fr> w)
    {
        f.OpenSection((int)ZkeySection.PointsB2, "B2 points", (long)count * G2Affine.SizeInBytes);
        Span<G2Affine> storage = MemoryMarshal.Cast<G1Affine, G2Affine>(buffer.AsSpan());
        G2Jacobian sum = G2Jacobian.Infinity;
        foreach ((int start, int length) in Chunks(count, capacity))
        {
            PointArrays.ReadG2Into(f, buffer, length, "B2", checkSubgroup: false, firstIndex: start);
            sum += MultiExp.G2(storage[..length], w.Slice(start, length));
        }
        return sum;
    }

    /// <summary>Splits [0, count) into the fewest chunks of at most <paramref name="capacity"/>, of equal sizes (an MSM's cost per point grows as the size shrinks).</summary>
    internal static IEnumerable<(int Start, int Length)> Chunks(int count, int capacity)
    {
        int pieces = Math.Max(1, (count + capacity - 1) / capacity);
        int size = (count + pieces - 1) / pieces;
        for (int start = 0; start < count; start += size) yield return (start, Math.Min(size, count - start));
    }
}
