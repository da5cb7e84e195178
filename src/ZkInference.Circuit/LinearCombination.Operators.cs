using ZkInference.Field;

namespace ZkInference.Circuit;

public readonly partial struct LinearCombination
{
    /// <summary>Sum (free).</summary>
    public static LinearCombination operator +(LinearCombination a, LinearCombination b) => AddScaled(a, b, Fr.One);

    /// <summary>Difference (free).</summary>
    public static LinearCombination operator -(LinearCombination a, LinearCombination b) => AddScaled(a, b, MinusOne);

    /// <summary>Negation (free).</summary>
    public static LinearCombination operator -(LinearCombination a) => a.Scale(MinusOne);

    /// <summary>Scaling by a constant (free).</summary>
    public static LinearCombination operator *(LinearCombination a, Fr k) => a.Scale(k);

    /// <summary>Scaling by a constant (free).</summary>
    public static LinearCombination operator *(Fr k, LinearCombination a) => a.Scale(k);

    /// <summary>
    /// Product: free when either side is constant, otherwise one constraint a·b = t on a new internal wire t
    /// (see <see cref="CircuitBuilder.Mul(LinearCombination, LinearCombination)"/>).
    /// </summary>
    public static LinearCombination operator *(LinearCombination a, LinearCombination b)
    {
        if (a.IsConstant) return b.Scale(a.ConstantTerm);
        if (b.IsConstant) return a.Scale(b.ConstantTerm);
        return CommonBuilder(a, b)!.Mul(a, b);
    }
}
