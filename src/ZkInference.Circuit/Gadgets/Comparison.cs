namespace ZkInference.Circuit.Gadgets;

/// <summary>Comparisons of k-bit unsigned values and equality tests.</summary>
public static class Comparison
{
    /// <summary>
    /// 1 if a &lt; b else 0, for a, b already known to lie in [0, 2ᵏ) (range-check them first if not; k ≤ 252).
    /// Decomposes a − b + 2ᵏ into k + 1 bits; the result is 1 − the top bit. Cost: k + 1 constraints. Deterministic.
    /// </summary>
    public static LinearCombination LessThan(CircuitBuilder b, LinearCombination a, LinearCombination bValue, int k) =>
        LessThanOffset(b, a - bValue, k);

    /// <summary>1 if a ≤ b else 0, for a, b in [0, 2ᵏ) (k ≤ 252). Cost: k + 1 constraints. Deterministic.</summary>
    public static LinearCombination LessOrEqual(CircuitBuilder b, LinearCombination a, LinearCombination bValue, int k) =>
        LessThanOffset(b, a - bValue - 1, k);

    /// <summary>1 if a &gt; b else 0 (see <see cref="LessThan"/>). Cost: k + 1 constraints.</summary>
    public static LinearCombination GreaterThan(CircuitBuilder b, LinearCombination a, LinearCombination bValue, int k) => LessThan(b, bValue, a, k);

    /// <summary>1 if a ≥ b else 0 (see <see cref="LessOrEqual"/>). Cost: k + 1 constraints.</summary>
    public static LinearCombination GreaterOrEqual(CircuitBuilder b, LinearCombination a, LinearCombination bValue, int k) => LessOrEqual(b, bValue, a, k);

    /// <summary>Asserts a &lt; b for a, b in [0, 2ᵏ): b − a − 1 must fit in k bits. Cost: k constraints.</summary>
    public static void AssertLessThan(CircuitBuilder b, LinearCombination a, LinearCombination bValue, int k) => Bits.RangeCheck(b, bValue - a - 1, k);

    // 1 − bit k of (d + 2^k): d ∈ [−2^k, 2^k) gives d + 2^k ∈ [0, 2^(k+1)), whose top bit is 1 exactly when d ≥ 0.
    private static LinearCombination LessThanOffset(CircuitBuilder b, LinearCombination d, int k)
    {
        if (k < 1 || k > 252) throw new ArgumentOutOfRangeException(nameof(k), "comparisons take 1..252-bit values");
        LinearCombination[] bits = Bits.ToBits(b, d + Bits.Pow2(k), k + 1);
        return 1 - bits[k];
    }

    /// <summary>
    /// 1 if x = 0 else 0. Uses a hinted inverse v and t = x·v: x·(1 − t) = 0 and v·(1 − t) = 0, result 1 − t.
    /// The second check pins v = 0 when x = 0, so the witness is unique. Cost: 3 constraints (0 for a constant).
    /// </summary>
    public static LinearCombination IsZero(CircuitBuilder b, LinearCombination x)
    {
        if (x.IsConstant) return x.IsZero ? 1 : 0;
        Variable v = b.Hint(InverseHint, [x], 1)[0];
        Variable t = b.MulToVariable(x, v);
        LinearCombination result = 1 - (LinearCombination)t;
        b.AssertProduct(x, result, 0);
        b.AssertProduct(v, result, 0);
        return result;
    }

    /// <summary>1 if a = b else 0. Cost: 3 constraints (see <see cref="IsZero"/>).</summary>
    public static LinearCombination IsEqual(CircuitBuilder b, LinearCombination a, LinearCombination bValue) => IsZero(b, a - bValue);

    private static readonly HintFunction InverseHint = static (inputs, outputs) => Field.Fr.Inverse(inputs[0], out outputs[0]);
}
