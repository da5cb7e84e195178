using ZkInference.Field;
using ZkInference.Groth16.Formats;

namespace ZkInference.Groth16;

/// <summary>
/// Proves straight from a .zkey file without holding the whole key: the coefficients are folded into the QAP
/// evaluations as they stream in, and each point section is read into one reused buffer, used by its MSM and
/// overwritten by the next. Peak memory is about one G2 section plus one G1 section plus the QAP arrays,
/// instead of the whole key. Every section is validated exactly as <see cref="ZkeyFile.Read(string)"/> does.
/// </summary>
internal static class StreamingProver
{
    public static ProofWithPublicSignals Prove(string zkeyPath, ReadOnlySpan<Fr> witness)
    {
        using BinFile f = BinFile.Open(zkeyPath, ZkeyFile.Magic, ZkeyFile.Version, ZkeyFile.Version);
        ProvingKey header = ZkeyFile.ReadHeader(f);
        Prover.CheckWitnessShape(header, witness);
        int n = header.VariableCount, nPub = header.PublicCount, domain = header.DomainSize;

        Fr[] a = new Fr[domain], b = new Fr[domain];
        Fr[] w = witness.ToArray();
        ZkeyFile.VisitCoefficients(f, n, domain, _ => { }, c =>
        {
            Fr[] target = c.Matrix == QapMatrix.A ? a : b;
            Fr.Mul(c.Value, w[c.Signal], out Fr term);
            Fr.Add(target[c.Constraint], term, out target[c.Constraint]);
        });
        Fr[] p = QapEvaluator.OddCosetQuotientFromEvaluations(header.DomainPower, a, b);
        a = b = null!;

        var g1 = new G1Affine[Math.Max(n, domain)];
        G1Jacobian MsmSection(ZkeySection section, int count, ReadOnlySpan<Fr> scalars, string what)
        {
            f.OpenSection((int)section, what + " points", (long)count * G1Affine.SizeInBytes);
            PointArrays.ReadG1(f, g1, count, what);
            return MultiExp.G1(g1.AsSpan(0, count), scalars);
        }

        G1Jacobian msmA = MsmSection(ZkeySection.PointsA, n, w, "A");
        G1Jacobian msmB1 = MsmSection(ZkeySection.PointsB1, n, w, "B1");
        f.OpenSection((int)ZkeySection.PointsB2, "B2 points", (long)n * G2Affine.SizeInBytes);
        G2Jacobian msmB2 = MultiExp.G2(PointArrays.ReadG2(f, n, "B2", checkSubgroup: false), w);
        G1Jacobian msmC = MsmSection(ZkeySection.PointsC, n - nPub - 1, w.AsSpan(nPub + 1), "C");
        G1Jacobian msmH = MsmSection(ZkeySection.PointsH, domain, p, "H");
        g1 = null!;

        ProofWithPublicSignals result = Prover.Assemble(header, w, msmA, msmB1, msmB2, msmC, msmH, Fr.RandomSecure(), Fr.RandomSecure());
        Prover.SelfCheck(header, result);
        return result;
    }
}
