using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Circuit.Gadgets;

/// <summary>Bit decomposition and range checks.</summary>
/// <remarks>
/// Bit 0 is not a wire: it is the combination x − Σᵢ₌₁ 2ⁱ·bᵢ, which folds the recomposition equation into bit 0's
/// boolean constraint, so an n-bit decomposition costs n constraints instead of n + 1.
/// </remarks>
public static class Bits
{
    /// <summary>Constraints added by <see cref="ToBits"/> for n ≥ 254 (the unique-representation check included).</summary>
    public static int FullDecompositionCost => FullCost.Value;

    private static readonly Lazy<int> FullCost = new(ComputeFullCost);

    // outputs[i] = bit (i + 1) of inputs[0] (bit 0 is derived linearly).
    private static readonly HintFunction UpperBitsHint = static (inputs, outputs) =>
    {
        inputs[0].ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        Span<ulong> limbs = [c0, c1, c2, c3];
        for (int i = 0; i < outputs.Length; i++)
        {
            int bit = i + 1;
            outputs[i] = ((limbs[bit >> 6] >> (bit & 63)) & 1) != 0 ? Fr.One : Fr.Zero;
        }
    };

    /// <summary>
    /// The n little-endian bits of x (boolean combinations with Σ 2ⁱ·bitᵢ = x). Cost: n constraints for n &lt; 254
    /// (0 when x is constant); for n ≥ 254, <see cref="FullDecompositionCost"/> constraints: 254 bits plus the
    /// check that they encode x's canonical value (Σ 2ⁱ·bitᵢ ≤ p − 1), so the representation is unique; bits 254..n−1 are the constant 0.
    /// Unsatisfiable when x ≥ 2ⁿ. Deterministic.
    /// </summary>
    public static LinearCombination[] ToBits(CircuitBuilder b, LinearCombination x, int n)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "at least one bit");
        if (x.IsConstant) return ConstantBits(x.ConstantTerm, n);
        int real = Math.Min(n, Fr.Bits);
        Variable[] upper = b.Hint(UpperBitsHint, [x], real - 1);
        var bits = new LinearCombination[n];
        var acc = new LinearCombinationBuilder(real + 1).Add(x);
        for (int i = 1; i < real; i++)
        {
            bits[i] = upper[i - 1];
            acc.Add(upper[i - 1], -Pow2(i));
        }
        bits[0] = acc.Build();
        for (int i = real; i < n; i++) bits[i] = LinearCombination.Zero;
        if (real < Fr.Bits)
        {
            for (int i = 0; i < real; i++) b.AssertBoolean(bits[i]);
        }
        else
        {
            AssertBitsAtMost(b, bits.AsSpan(0, Fr.Bits), Fr.Modulus - 1);
        }
        return bits;
    }

    /// <summary>Asserts 0 ≤ x &lt; 2ⁿ (n ≤ 253). Cost: n constraints (0 for a constant, checked at build time). Deterministic.</summary>
    public static void RangeCheck(CircuitBuilder b, LinearCombination x, int n)
    {
        if (n < 1 || n >= Fr.Bits) throw new ArgumentOutOfRangeException(nameof(n), "a range check covers 1..253 bits");
        ToBits(b, x, n);
    }

    /// <summary>Σ 2ⁱ·bitsᵢ (free).</summary>
    public static LinearCombination FromBits(ReadOnlySpan<LinearCombination> bits)
    {
        var acc = new LinearCombinationBuilder(bits.Length + 1);
        for (int i = 0; i < bits.Length; i++) acc.Add(bits[i], Pow2(i));
        return acc.Build();
    }

    /// <summary>2ⁱ in Fr.</summary>
    public static Fr Pow2(int i) => Fr.FromBigInteger(BigInteger.One << i);

    /// <summary>
    /// Asserts that the bits are boolean and that Σ 2ⁱ·bitᵢ ≤ bound, from the top bit down: pᵢ = "bits above i
    /// equal the bound's ones so far" (one product per one-bit of the bound), and for a zero bit of the bound
    /// (1 − pᵢ₊₁ − bitᵢ)·bitᵢ = 0, which forces bitᵢ = 0 while the prefix is tight and is a boolean check otherwise.
    /// </summary>
    private static void AssertBitsAtMost(CircuitBuilder b, ReadOnlySpan<LinearCombination> bits, BigInteger bound)
    {
        LinearCombination prefix = 1;
        var prefixes = new LinearCombination[bits.Length + 1];
        prefixes[bits.Length] = prefix;
        for (int i = bits.Length - 1; i >= 0; i--)
        {
            if (!(bound >> i).IsEven) prefix = b.Mul(prefix, bits[i]);
            prefixes[i] = prefix;
        }
        for (int i = bits.Length - 1; i >= 0; i--)
        {
            if (!(bound >> i).IsEven) b.AssertBoolean(bits[i]);
            else b.AssertProduct(1 - prefixes[i + 1] - bits[i], bits[i], 0);
        }
    }

    private static LinearCombination[] ConstantBits(Fr value, int n)
    {
        BigInteger v = value.ToBigInteger();
        if (n < Fr.Bits && v >> n != 0) throw new CircuitException($"the constant {v} does not fit in {n} bits");
        var bits = new LinearCombination[n];
        for (int i = 0; i < n; i++) bits[i] = (v >> i).IsEven ? 0 : 1;
        return bits;
    }

    private static int ComputeFullCost()
    {
        var b = new CircuitBuilder();
        ToBits(b, b.PrivateInput("x"), Fr.Bits);
        return b.ConstraintCount;
    }
}
