using System.Numerics;

namespace ZkInference.Circuit.Poseidon;

/// <summary>
/// The Grain LFSR of the Poseidon reference parameter generation (Grassi et al., "Poseidon", appendix F):
/// an 80-bit state seeded from (field type 2 bits, S-box type 4 bits, field size n 12 bits, width t 12 bits,
/// R_F 10 bits, R_P 10 bits, thirty 1 bits), bits bᵢ₊₈₀ = bᵢ₊₆₂ ⊕ bᵢ₊₅₁ ⊕ bᵢ₊₃₈ ⊕ bᵢ₊₂₃ ⊕ bᵢ₊₁₃ ⊕ bᵢ,
/// the first 160 discarded, and output by pairs: if the first bit is 1 the second is output, else it is dropped.
/// </summary>
internal sealed class GrainLfsr
{
    private readonly bool[] _state = new bool[80];
    private int _head;

    public GrainLfsr(int fieldType, int sboxType, int fieldBits, int width, int fullRounds, int partialRounds)
    {
        int pos = 0;
        void Put(int value, int bits)
        {
            for (int i = bits - 1; i >= 0; i--) _state[pos++] = ((value >> i) & 1) == 1;
        }
        Put(fieldType, 2);
        Put(sboxType, 4);
        Put(fieldBits, 12);
        Put(width, 12);
        Put(fullRounds, 10);
        Put(partialRounds, 10);
        while (pos < 80) _state[pos++] = true;
        for (int i = 0; i < 160; i++) NextRaw();
    }

    private bool NextRaw()
    {
        bool b = _state[(_head + 62) % 80] ^ _state[(_head + 51) % 80] ^ _state[(_head + 38) % 80]
               ^ _state[(_head + 23) % 80] ^ _state[(_head + 13) % 80] ^ _state[_head];
        _state[_head] = b; // the oldest bit leaves; the new one enters at the end
        _head = (_head + 1) % 80;
        return b;
    }

    /// <summary>The next output bit (self-shrinking: pairs whose first bit is 0 are dropped).</summary>
    public bool NextBit()
    {
        while (true)
        {
            bool select = NextRaw();
            bool bit = NextRaw();
            if (select) return bit;
        }
    }

    /// <summary>The next <paramref name="bits"/> output bits as an integer, most significant first.</summary>
    public BigInteger NextInteger(int bits)
    {
        BigInteger v = BigInteger.Zero;
        for (int i = 0; i < bits; i++) v = (v << 1) | (NextBit() ? BigInteger.One : BigInteger.Zero);
        return v;
    }
}
