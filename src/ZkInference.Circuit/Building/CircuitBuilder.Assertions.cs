using ZkInference.Field;

namespace ZkInference.Circuit;

public sealed partial class CircuitBuilder
{
    /// <summary>
    /// Asserts a = b. Cost: 1 linear constraint (0·0 = a − b, as circom writes linear constraints), 0 when both
    /// are constants (then they must be equal, else <see cref="CircuitException"/>).
    /// </summary>
    public void AssertEqual(LinearCombination a, LinearCombination b, string? label = null)
    {
        CheckOwner(a); CheckOwner(b);
        LinearCombination d = a - b;
        if (d.IsConstant)
        {
            if (!d.IsZero) throw new CircuitException($"AssertEqual{(label is null ? "" : $" ({label})")}: the constants {a.ConstantTerm} and {b.ConstantTerm} differ");
            return;
        }
        AddConstraint(default, default, d, label);
    }

    /// <summary>Asserts a·b = c. Cost: 1 constraint (checked at build time when a or b is constant and c is constant).</summary>
    public void AssertProduct(LinearCombination a, LinearCombination b, LinearCombination c, string? label = null)
    {
        CheckOwner(a); CheckOwner(b); CheckOwner(c);
        if (a.IsConstant || b.IsConstant) { AssertEqual(a * b, c, label); return; }
        AddConstraint(a, b, c, label);
    }

    /// <summary>Asserts a ∈ {0, 1}. Cost: 1 constraint a·(a − 1) = 0 (0 for a constant, which must be 0 or 1).</summary>
    public void AssertBoolean(LinearCombination a, string? label = null)
    {
        CheckOwner(a);
        if (a.IsConstant)
        {
            Fr c = a.ConstantTerm;
            if (!c.IsZero && !c.IsOne) throw new CircuitException($"AssertBoolean{(label is null ? "" : $" ({label})")}: the constant {c} is not 0 or 1");
            return;
        }
        AddConstraint(a, a - 1, default, label);
    }

    /// <summary>Asserts a ≠ 0. Cost: 1 constraint a·a⁻¹ = 1 with a hinted inverse.</summary>
    public void AssertNonZero(LinearCombination a, string? label = null) => Gadgets.Arithmetic.Inverse(this, a, label);
}
