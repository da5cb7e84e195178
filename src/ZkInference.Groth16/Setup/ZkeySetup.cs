using System.Buffers.Binary;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;
using ZkInference.Groth16.Ceremony;
using ZkInference.Groth16.Ptau;

namespace ZkInference.Groth16.Setup;

/// <summary>
/// The circuit-specific setup (snarkjs <c>groth16 setup</c> / <c>zkey new</c>): from a constraint system
/// and a prepared powers of tau, the initial proving key with γ = δ = 1, points built from the Lagrange
/// sections exactly as snarkjs builds them, and a contributions section holding the circuit hash.
/// </summary>
public static class ZkeySetup
{
    /// <summary>Reads the .r1cs and the prepared .ptau, computes the initial key and writes the .zkey atomically; returns the circuit hash.</summary>
    /// <exception cref="Groth16Exception">A file is malformed, the ptau is not prepared or too small for the circuit, or the output cannot be written.</exception>
    public static byte[] Run(string r1csPath, string ptauPath, string zkeyPath)
    {
        ConstraintSystem cs;
        try { cs = R1csFile.Read(r1csPath); }
        catch (CircuitException e) { throw new Groth16Exception(e.Message, e); }
        using PtauFile ptau = PtauFile.Open(ptauPath);
        ProvingKey key = NewKey(cs, ptau, out byte[] hash);
        ZkeyFile.Write(key, zkeyPath);
        return hash;
    }

    /// <summary>The smallest domain power snarkjs allows for the circuit: ⌊log2(constraints + public)⌋ + 1.</summary>
    public static int DomainPower(ConstraintSystem cs)
    {
        long m = (long)cs.ConstraintCount + cs.PublicCount;
        return m <= 0 ? 1 : System.Numerics.BitOperations.Log2((ulong)m) + 1;
    }

    /// <summary>Computes the initial proving key; <paramref name="circuitHash"/> is snarkjs's circuit hash (section 10).</summary>
    /// <exception cref="Groth16Exception">The ptau is not prepared or too small for the circuit.</exception>
    public static ProvingKey NewKey(ConstraintSystem cs, PtauFile ptau, out byte[] circuitHash)
    {
        int power = DomainPower(cs);
        if (power > ptau.Power) ptau.Fail($"has power {ptau.Power}, too small for this circuit ({cs.ConstraintCount} constraints and {cs.PublicCount} public signals need power {power})");
        if (!ptau.IsPrepared) ptau.Fail("is not prepared for phase 2 (run: powersoftau prepare phase2)");
        int n = 1 << power, nPub = cs.PublicCount, nVars = cs.WireCount, nC = cs.ConstraintCount;

        var tau1 = new G1Affine[n]; ptau.ReadG1(PtauFile.SectionLagrangeTauG1, n - 1, tau1);
        var tau2 = new G2Affine[n]; ptau.ReadG2(PtauFile.SectionLagrangeTauG2, n - 1, tau2);
        var alpha = new G1Affine[n]; ptau.ReadG1(PtauFile.SectionLagrangeAlphaTauG1, n - 1, alpha);
        var beta = new G1Affine[n]; ptau.ReadG1(PtauFile.SectionLagrangeBetaTauG1, n - 1, beta);
        // one base array for the IC/C combinations: [tau1 | alpha | beta]
        var icBases = new G1Affine[3 * n];
        tau1.CopyTo(icBases, 0); alpha.CopyTo(icBases, n); beta.CopyTo(icBases, 2 * n);

        var a = new LinearCombiner(nVars);
        var b1 = new LinearCombiner(nVars);
        var ic = new LinearCombiner(nVars); // wires 0..nPub → IC, the rest → C
        var coefficients = new List<ZkeyCoefficient>();
        for (int c = 0; c < nC; c++)
        {
            SparseRow ra = cs.A(c), rb = cs.B(c), rc = cs.C(c);
            for (int k = 0; k < ra.Count; k++)
            {
                int s = ra.Wires[k];
                a.Add(s, c, ra.Coefficients[k]);
                ic.Add(s, 2 * n + c, ra.Coefficients[k]);
                coefficients.Add(new ZkeyCoefficient(QapMatrix.A, c, s, ra.Coefficients[k]));
            }
            for (int k = 0; k < rb.Count; k++)
            {
                int s = rb.Wires[k];
                b1.Add(s, c, rb.Coefficients[k]);
                ic.Add(s, n + c, rb.Coefficients[k]);
                coefficients.Add(new ZkeyCoefficient(QapMatrix.B, c, s, rb.Coefficients[k]));
            }
            for (int k = 0; k < rc.Count; k++) ic.Add(rc.Wires[k], c, rc.Coefficients[k]);
        }
        for (int s = 0; s <= nPub; s++)
        {
            a.Add(s, nC + s, Fr.One);
            ic.Add(s, 2 * n + nC + s, Fr.One);
            coefficients.Add(new ZkeyCoefficient(QapMatrix.A, nC + s, s, Fr.One));
        }

        G1Affine[] pointsA = a.CombineG1(tau1);
        G1Affine[] pointsB1 = b1.CombineG1(tau1);
        G2Affine[] pointsB2 = b1.CombineG2(tau2);
        G1Affine[] icAll = ic.CombineG1(icBases);
        G1Affine[] icPoints = icAll[..(nPub + 1)], cPoints = icAll[(nPub + 1)..];

        var h = new G1Affine[n];
        var level = new G1Affine[2 * n];
        ptau.ReadG1(PtauFile.SectionLagrangeTauG1, 2 * n - 1, level);
        for (int i = 0; i < n; i++) h[i] = level[2 * i + 1];

        var alpha1 = new G1Affine[1]; ptau.ReadG1(PtauFile.SectionAlphaTauG1, 0, alpha1);
        var beta1 = new G1Affine[1]; ptau.ReadG1(PtauFile.SectionBetaTauG1, 0, beta1);
        var beta2 = new G2Affine[1]; ptau.ReadG2(PtauFile.SectionBetaG2, 0, beta2);

        var hasher = new Blake2b();
        HashG1(hasher, alpha1); HashG1(hasher, beta1); HashG2(hasher, beta2);
        HashG2(hasher, [G2Affine.Generator]); HashG1(hasher, [G1Affine.Generator]); HashG2(hasher, [G2Affine.Generator]);
        HashU32(hasher, icPoints.Length); HashG1(hasher, icPoints);
        HashHPoints(hasher, ptau, n);
        HashU32(hasher, cPoints.Length); HashG1(hasher, cPoints);
        HashU32(hasher, pointsA.Length); HashG1(hasher, pointsA);
        HashU32(hasher, pointsB1.Length); HashG1(hasher, pointsB1);
        HashU32(hasher, pointsB2.Length); HashG2(hasher, pointsB2);
        circuitHash = hasher.Digest();

        var section10 = new byte[68];
        circuitHash.CopyTo(section10, 0);
        return new ProvingKey
        {
            VariableCount = nVars, PublicCount = nPub, DomainSize = n,
            Alpha1 = alpha1[0], Beta1 = beta1[0], Beta2 = beta2[0],
            Gamma2 = G2Affine.Generator, Delta1 = G1Affine.Generator, Delta2 = G2Affine.Generator,
            IC = icPoints, Coefficients = [.. coefficients], A = pointsA, B1 = pointsB1, B2 = pointsB2,
            C = cPoints, H = h, Contributions = section10,
        };
    }

    // snarkjs hashes H as (τ^(n+i) − τ^i)·G1 for i < n−1, read from the powers (section 2), in chunks of
    // 2^14 whose last one is not shortened: for n − 1 > 2^14 it hashes up to the next multiple of 2^14.
    private static void HashHPoints(Blake2b hasher, PtauFile ptau, int n)
    {
        const int Chunk = 1 << 14;
        HashU32(hasher, n - 1);
        long count = n - 1 <= Chunk ? n - 1 : (n - 2) / Chunk * Chunk + Chunk;
        long available = 2L * (1L << ptau.Power) - 1 - n;
        if (count > available) ptau.Fail($"is too small to reproduce snarkjs's circuit hash for a domain of {n} (use a ptau of power ≥ {ptau.Power + 1})");
        for (long s = 0; s < count; s += Chunk)
        {
            int m = (int)Math.Min(Chunk, count - s);
            var lo = new G1Affine[m]; var hi = new G1Affine[m];
            ptau.ReadG1(PtauFile.SectionTauG1, s, lo);
            ptau.ReadG1(PtauFile.SectionTauG1, s + n, hi);
            var diff = new G1Jacobian[m];
            Parallel.For(0, m, Parallelism.Cores, i => diff[i] = G1Jacobian.FromAffine(hi[i]) + lo[i].Negate());
            var aff = new G1Affine[m];
            PowersOfTau.ToAffineParallel(diff, aff);
            HashG1(hasher, aff);
        }
    }

    internal static void HashU32(Blake2b h, int v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v);
        h.Update(b);
    }

    internal static void HashG1(Blake2b h, ReadOnlySpan<G1Affine> points)
    {
        var buf = new byte[points.Length * 64];
        for (int i = 0; i < points.Length; i++) PointEncoding.WriteUncompressed(points[i], buf.AsSpan(i * 64, 64));
        h.Update(buf);
    }

    internal static void HashG2(Blake2b h, ReadOnlySpan<G2Affine> points)
    {
        var buf = new byte[points.Length * 128];
        for (int i = 0; i < points.Length; i++) PointEncoding.WriteUncompressed(points[i], buf.AsSpan(i * 128, 128));
        h.Update(buf);
    }
}
