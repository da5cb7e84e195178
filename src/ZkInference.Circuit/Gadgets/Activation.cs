using ZkInference.Field;

namespace ZkInference.Circuit.Gadgets;

/// <summary>Sign, ReLU and max on signed values x ∈ [−2^(k−1), 2^(k−1)) (fixed-point or integer; negatives as p − |x|).</summary>
public static class Activation
{
    /// <summary>
    /// 1 if x ≥ 0 else 0: the top bit of the k-bit decomposition of x + 2^(k−1), which also range-checks x.
    /// Cost: k constraints. Unsatisfiable when x is out of range. Deterministic. k ≤ 253.
    /// </summary>
    public static LinearCombination IsNonNegative(CircuitBuilder b, LinearCombination x, int k)
    {
        if (k < 1 || k > 253) throw new ArgumentOutOfRangeException(nameof(k), "1..253 bits");
        return Bits.ToBits(b, x + Bits.Pow2(k - 1), k)[k - 1];
    }

    /// <summary>sign(x) ∈ {−1, 0, 1}. Cost: k + 3 constraints (<see cref="IsNonNegative"/> plus <see cref="Comparison.IsZero"/>). Deterministic.</summary>
    public static LinearCombination Sign(CircuitBuilder b, LinearCombination x, int k)
    {
        LinearCombination nonNegative = IsNonNegative(b, x, k);
        LinearCombination zero = Comparison.IsZero(b, x);
        // x > 0: 1; x = 0: 0; x < 0: −1  =  2·nonNegative − 1 − zero.
        return nonNegative * Fr.FromUInt64(2) - 1 - zero;
    }

    /// <summary>max(x, 0) = nonNegative·x. Cost: k + 1 constraints. Deterministic.</summary>
    public static LinearCombination Relu(CircuitBuilder b, LinearCombination x, int k)
    {
        LinearCombination nonNegative = IsNonNegative(b, x, k);
        return b.Mul(nonNegative, x);
    }

    /// <summary>
    /// The maximum of signed k-bit values (k ≤ 252), a running max with one comparison and one selection per element.
    /// Inputs must already be in range. Cost: (n − 1)·(k + 2) constraints. Deterministic.
    /// </summary>
    public static LinearCombination Max(CircuitBuilder b, ReadOnlySpan<LinearCombination> values, int k)
    {
        if (values.Length == 0) throw new ArgumentException("max of no values");
        Fr shift = Bits.Pow2(k - 1);
        LinearCombination max = values[0];
        for (int i = 1; i < values.Length; i++)
        {
            LinearCombination less = Comparison.LessThan(b, max + shift, values[i] + shift, k);
            max = Select.If(b, less, values[i], max);
        }
        return max;
    }
}
