using ZkInference.Circuit;
using ZkInference.Circuit.Poseidon;
using ZkInference.Field;

namespace ZkInference.Onnx.Commitment;

/// <summary>
/// The Poseidon commitment of a list of field elements (circomlib's Poseidon, so circomlibjs computes the same):
/// for n ≤ 16 elements it is Poseidon(x₀, …, xₙ₋₁); for more, a chain: h = Poseidon(x₀, …, x₁₅), then for each
/// following chunk c of up to 15 elements h = Poseidon(h, c…) (the last chunk may be shorter). An empty list
/// commits as Poseidon(0). Lengths are fixed by the circuit (settings.json records the shapes), so chains of different
/// lengths never compete.
/// </summary>
public static class TensorCommitment
{
    /// <summary>Elements absorbed by the first hash.</summary>
    public const int FirstChunk = 16;

    /// <summary>Elements absorbed by each later hash (the 16th input is the running hash).</summary>
    public const int NextChunk = 15;

    /// <summary>The commitment computed off-circuit.</summary>
    public static Fr Hash(ReadOnlySpan<Fr> elements)
    {
        if (elements.Length == 0) return PoseidonHash.Hash([Fr.Zero]);
        int first = Math.Min(FirstChunk, elements.Length);
        Fr h = PoseidonHash.Hash(elements[..first]);
        var buffer = new Fr[NextChunk + 1];
        for (int i = first; i < elements.Length; i += NextChunk)
        {
            int n = Math.Min(NextChunk, elements.Length - i);
            buffer[0] = h;
            elements.Slice(i, n).CopyTo(buffer.AsSpan(1));
            h = PoseidonHash.Hash(buffer.AsSpan(0, n + 1));
        }
        return h;
    }

    /// <summary>The same commitment in a circuit. Cost: 609 constraints per 16-input hash (fewer for shorter chunks), none for constants.</summary>
    public static LinearCombination Gadget(CircuitBuilder b, ReadOnlySpan<LinearCombination> elements)
    {
        if (elements.Length == 0) return PoseidonGadget.Hash(b, [LinearCombination.Zero]);
        int first = Math.Min(FirstChunk, elements.Length);
        LinearCombination h = PoseidonGadget.Hash(b, elements[..first]);
        var buffer = new LinearCombination[NextChunk + 1];
        for (int i = first; i < elements.Length; i += NextChunk)
        {
            int n = Math.Min(NextChunk, elements.Length - i);
            // The running hash is a long combination; one wire keeps the next hash's rows short.
            buffer[0] = h.IsConstant ? h : b.ToVariable(h);
            elements.Slice(i, n).CopyTo(buffer.AsSpan(1));
            h = PoseidonGadget.Hash(b, buffer.AsSpan(0, n + 1));
        }
        return h;
    }

    /// <summary>Constraints of <see cref="Gadget"/> for n non-constant elements.</summary>
    public static int Cost(int n)
    {
        if (n <= FirstChunk) return PoseidonGadget.Cost(Math.Max(1, n));
        int cost = PoseidonGadget.Cost(FirstChunk);
        for (int i = FirstChunk; i < n; i += NextChunk) cost += 1 + PoseidonGadget.Cost(1 + Math.Min(NextChunk, n - i));
        return cost;
    }
}
