using ZkInference.Field;

namespace ZkInference.Groth16.Setup;

/// <summary>
/// Many sparse linear combinations of the same bases (one per wire): terms are grouped per output in
/// compressed rows and each output is summed on its own thread. Coefficients ±1 cost one addition,
/// coefficients below 2^64 (or their negatives) a short double-and-add, wide ones a GLV multiplication
/// (batched per block of outputs through MultiplyMany, eight at a time in vector lanes),
/// and outputs with many terms go to Pippenger.
/// </summary>
internal sealed class LinearCombiner
{
    // Below this many terms a row's wide products go through MultiplyMany (about 21 µs each, eight at a time in
    // vector lanes), which beats a small single-threaded Pippenger; lenet5_28's setup fell from 213 to 131 CPU-s.
    private const int MsmThreshold = 1024;
    private static readonly MsmOptions SingleThread = new() { MaxDegreeOfParallelism = 1 };
    private readonly int _outputs;
    private readonly List<(int Output, int Base, Fr Coef)> _terms = [];

    public LinearCombiner(int outputs) => _outputs = outputs;

    public void Add(int output, int baseIndex, in Fr coef) => _terms.Add((output, baseIndex, coef));

    private (int[] Start, int[] Base, Fr[] Coef) Rows()
    {
        var start = new int[_outputs + 1];
        foreach (var t in _terms) start[t.Output + 1]++;
        for (int i = 0; i < _outputs; i++) start[i + 1] += start[i];
        var fill = (int[])start.Clone();
        var bases = new int[_terms.Count];
        var coefs = new Fr[_terms.Count];
        foreach (var t in _terms) { int k = fill[t.Output]++; bases[k] = t.Base; coefs[k] = t.Coef; }
        return (start, bases, coefs);
    }

    public G1Affine[] CombineG1(G1Affine[] basePoints)
    {
        var (start, bases, coefs) = Rows();
        var result = new G1Jacobian[_outputs];
        Parallel.For(0, (_outputs + 63) / 64, Parallelism.Cores, blk =>
        {
            // The wide terms of this block's short rows, multiplied together in vector lanes first.
            var widePoints = new List<G1Jacobian>();
            var wideScalars = new List<Fr>();
            for (int o = blk * 64, end = Math.Min(_outputs, o + 64); o < end; o++)
            {
                if (start[o + 1] - start[o] >= MsmThreshold) continue;
                for (int k = start[o]; k < start[o + 1]; k++)
                    if (IsWide(coefs[k])) { widePoints.Add(G1Jacobian.FromAffine(basePoints[bases[k]])); wideScalars.Add(coefs[k]); }
            }
            var wide = widePoints.ToArray();
            G1Jacobian.MultiplyMany(wide, wideScalars.ToArray(), wide);
            int next = 0;
            for (int o = blk * 64, end = Math.Min(_outputs, o + 64); o < end; o++)
            {
                int s = start[o], e = start[o + 1];
                if (e - s >= MsmThreshold)
                {
                    var pts = new G1Affine[e - s];
                    for (int k = s; k < e; k++) pts[k - s] = basePoints[bases[k]];
                    result[o] = MultiExp.G1(pts, coefs.AsSpan(s, e - s), SingleThread);
                    continue;
                }
                G1Jacobian acc = G1Jacobian.Infinity;
                for (int k = s; k < e; k++)
                    acc += IsWide(coefs[k]) ? wide[next++] : Term(G1Jacobian.FromAffine(basePoints[bases[k]]), coefs[k]);
                result[o] = acc;
            }
        });
        var affine = new G1Affine[_outputs];
        Ptau.PowersOfTau.ToAffineParallel(result, affine);
        return affine;
    }

    public G2Affine[] CombineG2(G2Affine[] basePoints)
    {
        var (start, bases, coefs) = Rows();
        var result = new G2Jacobian[_outputs];
        Parallel.For(0, (_outputs + 63) / 64, Parallelism.Cores, blk =>
        {
            // The wide terms of this block's short rows, multiplied together in vector lanes first.
            var widePoints = new List<G2Jacobian>();
            var wideScalars = new List<Fr>();
            for (int o = blk * 64, end = Math.Min(_outputs, o + 64); o < end; o++)
            {
                if (start[o + 1] - start[o] >= MsmThreshold) continue;
                for (int k = start[o]; k < start[o + 1]; k++)
                    if (IsWide(coefs[k])) { widePoints.Add(G2Jacobian.FromAffine(basePoints[bases[k]])); wideScalars.Add(coefs[k]); }
            }
            var wide = widePoints.ToArray();
            G2Jacobian.MultiplyMany(wide, wideScalars.ToArray(), wide);
            int next = 0;
            for (int o = blk * 64, end = Math.Min(_outputs, o + 64); o < end; o++)
            {
                int s = start[o], e = start[o + 1];
                if (e - s >= MsmThreshold)
                {
                    var pts = new G2Affine[e - s];
                    for (int k = s; k < e; k++) pts[k - s] = basePoints[bases[k]];
                    result[o] = MultiExp.G2(pts, coefs.AsSpan(s, e - s), SingleThread);
                    continue;
                }
                G2Jacobian acc = G2Jacobian.Infinity;
                for (int k = s; k < e; k++)
                    acc += IsWide(coefs[k]) ? wide[next++] : Term(G2Jacobian.FromAffine(basePoints[bases[k]]), coefs[k]);
                result[o] = acc;
            }
        });
        var affine = new G2Affine[_outputs];
        Ptau.PowersOfTau.ToAffineParallel(result, affine);
        return affine;
    }

    // Whether c needs a full multiplication: neither c nor −c fits in 64 bits.
    private static bool IsWide(in Fr c)
    {
        c.ToCanonical(out _, out ulong c1, out ulong c2, out ulong c3);
        if ((c1 | c2 | c3) == 0) return false;
        Fr neg = -c;
        neg.ToCanonical(out _, out ulong n1, out ulong n2, out ulong n3);
        return (n1 | n2 | n3) != 0;
    }

    private static G1Jacobian Term(in G1Jacobian p, in Fr c)
    {
        c.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        if ((c1 | c2 | c3) == 0) return Small(p, c0);
        Fr neg = -c;
        neg.ToCanonical(out ulong n0, out ulong n1, out ulong n2, out ulong n3);
        if ((n1 | n2 | n3) == 0) return -Small(p, n0);
        return G1Jacobian.Multiply(p, c);
    }

    private static G2Jacobian Term(in G2Jacobian p, in Fr c)
    {
        c.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        if ((c1 | c2 | c3) == 0) return Small(p, c0);
        Fr neg = -c;
        neg.ToCanonical(out ulong n0, out ulong n1, out ulong n2, out ulong n3);
        if ((n1 | n2 | n3) == 0) return -Small(p, n0);
        return G2Jacobian.Multiply(p, c);
    }

    private static G1Jacobian Small(in G1Jacobian p, ulong k)
    {
        if (k == 1) return p;
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int i = 63 - System.Numerics.BitOperations.LeadingZeroCount(k); i >= 0; i--)
        {
            G1Jacobian.Double(acc, out acc);
            if (((k >> i) & 1) != 0) G1Jacobian.Add(acc, p, out acc);
        }
        return acc;
    }

    private static G2Jacobian Small(in G2Jacobian p, ulong k)
    {
        if (k == 1) return p;
        G2Jacobian acc = G2Jacobian.Infinity;
        for (int i = 63 - System.Numerics.BitOperations.LeadingZeroCount(k); i >= 0; i--)
        {
            G2Jacobian.Double(acc, out acc);
            if (((k >> i) & 1) != 0) G2Jacobian.Add(acc, p, out acc);
        }
        return acc;
    }
}
