using System.Runtime.InteropServices;
using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16;

/// <summary>
/// Proves straight from a .zkey file without holding the whole key: the coefficients are folded into the QAP
/// evaluations as they stream in, and each point section is read into one reused buffer (2n G1 slots, which
/// also hold the n G2 points of B2), used by its MSM and overwritten by the next. H goes first, so the QAP
/// result is dropped before the other sections are read. Peak memory is about the witness, one G2 section and
/// the MSM's digits, instead of the whole key. Every section is validated exactly as
/// <see cref="ZkeyFile.Read(string)"/> does.
/// </summary>
internal static class StreamingProver
{
    public static ProofWithPublicSignals Prove(string zkeyPath, ReadOnlySpan<Fr> witness)
    {
        using BinFile f = BinFile.Open(zkeyPath, ZkeyFile.Magic, ZkeyFile.Version, ZkeyFile.Version);
        ProvingKey header = ZkeyFile.ReadHeader(f);
        Prover.CheckWitnessShape(header, witness);
        int n = header.VariableCount, nPub = header.PublicCount, domain = header.DomainSize;
        Fr[] w = witness.ToArray();

        Fr[] p = Quotient(f, header, w);
        long slots = Math.Max(2L * n, domain);
        if (slots > Array.MaxLength) throw new Groth16Exception($"{n} variables are too many for one point buffer");
        var points = new G1Affine[slots];
        G1Jacobian msmH = MsmG1(f, points, ZkeySection.PointsH, domain, p, "H");
        p = null!;
        G1Jacobian msmA = MsmG1(f, points, ZkeySection.PointsA, n, w, "A");
        G1Jacobian msmB1 = MsmG1(f, points, ZkeySection.PointsB1, n, w, "B1");
        f.OpenSection((int)ZkeySection.PointsB2, "B2 points", (long)n * G2Affine.SizeInBytes);
        PointArrays.ReadG2Into(f, points, n, "B2", checkSubgroup: false);
        G2Jacobian msmB2 = MultiExp.G2(MemoryMarshal.Cast<G1Affine, G2Affine>(points.AsSpan())[..n], w);
        G1Jacobian msmC = MsmG1(f, points, ZkeySection.PointsC, n - nPub - 1, w.AsSpan(nPub + 1), "C");
        points = null!;

        ProofWithPublicSignals result = Prover.Assemble(header, w, msmA, msmB1, msmB2, msmC, msmH, Fr.RandomSecure(), Fr.RandomSecure());
        Prover.SelfCheck(header, result);
        return result;
    }

    // The coefficients folded into A·w and B·w as they stream in, then P on the odd coset (the H scalars).
    private static Fr[] Quotient(BinFile f, ProvingKey header, Fr[] w)
    {
        int domain = header.DomainSize;
        Fr[] a = new Fr[domain], b = new Fr[domain];
        ZkeyFile.VisitCoefficients(f, header.VariableCount, domain, _ => { }, c =>
        {
            Fr[] target = c.Matrix == QapMatrix.A ? a : b;
            Fr.Mul(c.Value, w[c.Signal], out Fr term);
            Fr.Add(target[c.Constraint], term, out target[c.Constraint]);
        });
        return QapEvaluator.OddCosetQuotientFromEvaluations(header.DomainPower, a, b);
    }

    private static G1Jacobian MsmG1(BinFile f, G1Affine[] points, ZkeySection section, int count, ReadOnlySpan<Fr> scalars, string what)
    {
        f.OpenSection((int)section, what + " points", (long)count * G1Affine.SizeInBytes);
        PointArrays.ReadG1(f, points, count, what);
        return MultiExp.G1(points.AsSpan(0, count), scalars);
    }
}
