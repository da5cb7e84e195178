using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Field;

namespace ZkInference.Onnx.Commitment;

/// <summary>
/// The parameter commitment: quantized parameters p (signed, |p| &lt; 2^(b−1)) are offset to u = p + 2^(b−1) ∈ [0, 2^b),
/// packed little-endian ⌊248 / b⌋ to a field element (e = Σᵢ uᵢ·2^(b·i)), and the packed elements are committed with
/// <see cref="TensorCommitment"/>. In the circuit each u is range-checked to b bits (b constraints), which makes the
/// packing injective, and the packing itself is free: about b + 40/⌊248/b⌋ constraints per parameter instead of ~40
/// for hashing every parameter as its own element.
/// </summary>
public static class PackedCommitment
{
    /// <summary>Bits of a packed field element that carry values (below the 254-bit modulus).</summary>
    public const int PackedBits = 248;

    /// <summary>Values per packed element for width b.</summary>
    public static int PerElement(int bits) => PackedBits / bits;

    /// <summary>The commitment off-circuit. Throws when a value does not fit in b signed bits.</summary>
    public static Fr Hash(ReadOnlySpan<long> values, int bits)
    {
        Check(bits);
        int k = PerElement(bits);
        var packed = new Fr[(values.Length + k - 1) / k];
        BigInteger offset = BigInteger.One << (bits - 1);
        for (int j = 0; j < packed.Length; j++)
        {
            BigInteger e = 0;
            for (int i = Math.Min(k, values.Length - j * k) - 1; i >= 0; i--)
            {
                BigInteger u = values[j * k + i] + offset;
                if (u.Sign < 0 || u >> bits != 0) throw new OnnxException($"parameter {j * k + i} = {values[j * k + i]} does not fit in {bits} signed bits");
                e = (e << bits) + u;
            }
            packed[j] = Fr.FromBigInteger(e);
        }
        return TensorCommitment.Hash(packed);
    }

    /// <summary>The same commitment in a circuit, range-checking every value to b signed bits.</summary>
    public static LinearCombination Gadget(CircuitBuilder b, ReadOnlySpan<LinearCombination> values, int bits)
    {
        Check(bits);
        int k = PerElement(bits);
        var packed = new LinearCombination[(values.Length + k - 1) / k];
        Fr offset = Bits.Pow2(bits - 1);
        for (int j = 0; j < packed.Length; j++)
        {
            var acc = new LinearCombinationBuilder(k + 1);
            for (int i = 0; i < Math.Min(k, values.Length - j * k); i++)
            {
                LinearCombination u = values[j * k + i] + offset;
                Bits.RangeCheck(b, u, bits);
                acc.Add(u, Bits.Pow2(bits * i));
            }
            packed[j] = acc.Build();
        }
        return TensorCommitment.Gadget(b, packed);
    }

    private static void Check(int bits)
    {
        if (bits is < 1 or > 64) throw new OnnxException($"parameter width {bits} is outside 1..64 bits");
    }
}
