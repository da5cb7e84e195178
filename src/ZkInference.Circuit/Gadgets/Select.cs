namespace ZkInference.Circuit.Gadgets;

/// <summary>Conditional selection (multiplexers).</summary>
public static class Select
{
    /// <summary>
    /// cond ? whenTrue : whenFalse, as whenFalse + cond·(whenTrue − whenFalse), for a boolean cond (assert it with
    /// <see cref="CircuitBuilder.AssertBoolean"/> unless it is already known boolean, e.g. a comparison result).
    /// Cost: 1 constraint (0 when cond is constant or both branches are equal).
    /// </summary>
    public static LinearCombination If(CircuitBuilder b, LinearCombination cond, LinearCombination whenTrue, LinearCombination whenFalse)
    {
        ArgumentNullException.ThrowIfNull(b);
        LinearCombination diff = whenTrue - whenFalse;
        if (diff.IsZero) return whenFalse;
        return whenFalse + b.Mul(cond, diff);
    }

    /// <summary>
    /// values[index] where index = Σ 2ⁱ·selectorᵢ for boolean selector bits (little-endian); values.Length must be
    /// 2^selector.Length. A binary tree of <see cref="If"/>. Cost: values.Length − 1 constraints at most.
    /// </summary>
    public static LinearCombination Mux(CircuitBuilder b, ReadOnlySpan<LinearCombination> selector, ReadOnlySpan<LinearCombination> values)
    {
        if (selector.Length > 20 || values.Length != 1 << selector.Length)
            throw new ArgumentException($"a mux with {selector.Length} selector bits needs {1 << Math.Min(20, selector.Length)} values, got {values.Length}");
        LinearCombination[] level = values.ToArray();
        for (int bit = 0; bit < selector.Length; bit++)
        {
            var next = new LinearCombination[level.Length / 2];
            for (int i = 0; i < next.Length; i++) next[i] = If(b, selector[bit], level[2 * i + 1], level[2 * i]);
            level = next;
        }
        return level[0];
    }
}
