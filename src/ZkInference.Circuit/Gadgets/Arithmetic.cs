using ZkInference.Field;

namespace ZkInference.Circuit.Gadgets;

/// <summary>Field inverse.</summary>
public static class Arithmetic
{
    private static readonly HintFunction InverseHint = static (inputs, outputs) => Fr.Inverse(inputs[0], out outputs[0]);

    /// <summary>
    /// x⁻¹: a hinted wire v with x·v = 1. Cost: 1 constraint (0 for a constant). Unsatisfiable when x = 0,
    /// so it also asserts x ≠ 0. Deterministic: v is the unique inverse.
    /// </summary>
    public static LinearCombination Inverse(CircuitBuilder b, LinearCombination x, string? label = null)
    {
        if (x.IsConstant)
        {
            if (x.IsZero) throw new CircuitException("inverse of the constant zero");
            return LinearCombination.Constant(x.ConstantTerm.Inverse());
        }
        Variable v = b.Hint(InverseHint, [x], 1)[0];
        b.AssertProduct(x, v, 1, label);
        return v;
    }
}
