using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Field;
using ZkInference.Onnx.Compiler;

namespace ZkInference.Onnx.Ops;

/// <summary>
/// Dot products for the product layers: Σ aₖ·bₖ accumulated as one linear combination (sums are free), each product
/// of two wires costing one constraint and a product with a constant none; the bound is Σ |aₖ|·|bₖ| with known
/// parameter values where available.
/// </summary>
internal sealed class Products(CircuitBuilder b)
{
    public long MultiplyAccumulates { get; private set; }
    public int ProductConstraints { get; private set; }

    /// <summary>One dot product over index pairs; returns the sum and its bound.</summary>
    public (LinearCombination Sum, BigInteger Bound) Dot(QTensor a, QTensor w, ReadOnlySpan<int> aIndex, ReadOnlySpan<int> wIndex)
    {
        var acc = new LinearCombinationBuilder(aIndex.Length + 1);
        BigInteger bound = 0;
        for (int k = 0; k < aIndex.Length; k++)
        {
            LinearCombination x = a.Values[aIndex[k]], y = w.Values[wIndex[k]];
            BigInteger bx = Magnitude(a, x, aIndex[k]), by = Magnitude(w, y, wIndex[k]);
            MultiplyAccumulates++;
            if (bx.IsZero || by.IsZero) continue; // a weight that quantizes to 0 costs nothing
            bound += bx * by;
            if (y.IsConstant) acc.Add(x, y.ConstantTerm);
            else if (x.IsConstant) acc.Add(y, x.ConstantTerm);
            else
            {
                ProductConstraints++;
                if (x.TryGetVariable(out _) && y.TryGetVariable(out _)) acc.Add(b.Mul(AsVariable(x), AsVariable(y)), Fr.One);
                else acc.Add(b.Mul(x, y), Fr.One);
            }
        }
        return (acc.Build(), bound);
    }

    // |value| when the compiler knows it (a pinned parameter or a constant, e.g. an activation of a dead neuron), else the tensor's bound.
    private static BigInteger Magnitude(QTensor t, LinearCombination v, int index) =>
        t.Known is not null ? BigInteger.Abs(t.Known[index]) : v.IsConstant ? BigInteger.Abs(Quantizer.FromField(v.ConstantTerm)) : t.Bound;

    private Variable AsVariable(LinearCombination x) => b.ToVariable(x); // free for a plain variable
}
