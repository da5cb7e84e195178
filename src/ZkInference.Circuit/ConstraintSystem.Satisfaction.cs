using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>The outcome of checking a witness: satisfied, or the first failing constraint with its labels.</summary>
/// <param name="IsSatisfied">Whether every constraint holds.</param>
/// <param name="FailingConstraint">The first failing constraint, or −1.</param>
/// <param name="Message">Why it failed (constraint index, labels, values), or null.</param>
public sealed record SatisfactionResult(bool IsSatisfied, int FailingConstraint, string? Message)
{
    /// <summary>The satisfied result.</summary>
    public static SatisfactionResult Satisfied { get; } = new(true, -1, null);
}

public sealed partial class ConstraintSystem
{
    /// <summary>Whether <paramref name="witness"/> satisfies every constraint (and has the right length and w[0] = 1).</summary>
    public bool IsSatisfied(ReadOnlySpan<Fr> witness) => Check(witness).IsSatisfied;

    /// <summary>Checks a witness and reports the first failing constraint with its labels.</summary>
    public SatisfactionResult Check(ReadOnlySpan<Fr> witness)
    {
        if (witness.Length != WireCount)
            return new SatisfactionResult(false, -1, $"the witness has {witness.Length} values but the circuit has {WireCount} wires");
        if (!witness[0].IsOne)
            return new SatisfactionResult(false, -1, $"witness[0] must be 1 but is {witness[0]}");
        int n = ConstraintCount;
        for (int i = 0; i < n; i++)
        {
            Fr a = A(i).Evaluate(witness), b = B(i).Evaluate(witness), c = C(i).Evaluate(witness);
            Fr.Mul(a, b, out Fr ab);
            if (ab != c)
                return new SatisfactionResult(false, i, $"{Describe(i)} fails: <A,w>·<B,w> = {a}·{b} = {ab} but <C,w> = {c}");
        }
        return SatisfactionResult.Satisfied;
    }

    /// <summary>Whether the single constraint <paramref name="constraint"/> holds for <paramref name="witness"/>.</summary>
    public bool IsSatisfied(int constraint, ReadOnlySpan<Fr> witness)
    {
        Fr a = A(constraint).Evaluate(witness), b = B(constraint).Evaluate(witness), c = C(constraint).Evaluate(witness);
        Fr.Mul(a, b, out Fr ab);
        return ab == c;
    }

    /// <summary>Throws a <see cref="CircuitException"/> naming the first failing constraint unless the witness satisfies.</summary>
    public void AssertSatisfied(ReadOnlySpan<Fr> witness)
    {
        SatisfactionResult r = Check(witness);
        if (!r.IsSatisfied) throw new CircuitException(r.Message!);
    }
}
