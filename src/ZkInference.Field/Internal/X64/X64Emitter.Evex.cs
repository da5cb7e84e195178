namespace ZkInference.Field.Internal.X64;

/// <summary>The 32 AVX-512 vector registers zmm0 … zmm31, numbered as the EVEX encoding numbers them.</summary>
internal enum Zmm : byte
{
    Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15,
    Z16, Z17, Z18, Z19, Z20, Z21, Z22, Z23, Z24, Z25, Z26, Z27, Z28, Z29, Z30, Z31,
}

/// <summary>
/// The 512-bit vector instructions of the lane kernels (EVEX encoding, qword lanes, no masking): loads and stores,
/// integer add/sub/and/andn/or/xor, shifts by an immediate, and the AVX-512 IFMA multiply-adds
/// <c>vpmadd52luq</c>/<c>vpmadd52huq</c>, which .NET 10 does not expose. A third operand may be a pool constant
/// broadcast to all eight lanes (<c>{1to8}</c>). Memory operands always take a 32-bit displacement, which EVEX does not
/// scale (its compressed 8-bit form would be).
/// </summary>
internal sealed partial class X64Emitter
{
    private const int Pp66 = 1, PpF3 = 2, Map0F = 1, Map0F38 = 2;

    /// <summary>dst = the 64 bytes at [base + displacement] (<c>vmovdqu64</c>).</summary>
    public void VLoad(Zmm dst, X64Register baseRegister, int displacement) =>
        Evex(PpF3, Map0F, 0x6F, (int)dst, 0, VectorOperand.Memory(baseRegister, displacement));

    /// <summary>The 64 bytes at [base + displacement] = src (<c>vmovdqu64</c>).</summary>
    public void VStore(X64Register baseRegister, int displacement, Zmm src) =>
        Evex(PpF3, Map0F, 0x7F, (int)src, 0, VectorOperand.Memory(baseRegister, displacement));

    /// <summary>dst = a + b per qword.</summary>
    public void VAdd(Zmm dst, Zmm a, VectorOperand b) => Evex(Pp66, Map0F, 0xD4, (int)dst, (int)a, b);

    /// <summary>dst = a − b per qword.</summary>
    public void VSub(Zmm dst, Zmm a, VectorOperand b) => Evex(Pp66, Map0F, 0xFB, (int)dst, (int)a, b);

    /// <summary>dst = a &amp; b.</summary>
    public void VAnd(Zmm dst, Zmm a, VectorOperand b) => Evex(Pp66, Map0F, 0xDB, (int)dst, (int)a, b);

    /// <summary>dst = ~a &amp; b.</summary>
    public void VAndNot(Zmm dst, Zmm a, VectorOperand b) => Evex(Pp66, Map0F, 0xDF, (int)dst, (int)a, b);

    /// <summary>dst = a | b.</summary>
    public void VOr(Zmm dst, Zmm a, VectorOperand b) => Evex(Pp66, Map0F, 0xEB, (int)dst, (int)a, b);

    /// <summary>dst = a ^ b (<c>VXor(z, z, z)</c> zeroes z).</summary>
    public void VXor(Zmm dst, Zmm a, VectorOperand b) => Evex(Pp66, Map0F, 0xEF, (int)dst, (int)a, b);

    /// <summary>acc += the low 52 bits of the 104-bit product of the low 52 bits of a and b, per qword.</summary>
    public void VMulAddLow52(Zmm acc, Zmm a, VectorOperand b) => Evex(Pp66, Map0F38, 0xB4, (int)acc, (int)a, b);

    /// <summary>acc += the high 52 bits of the 104-bit product of the low 52 bits of a and b, per qword.</summary>
    public void VMulAddHigh52(Zmm acc, Zmm a, VectorOperand b) => Evex(Pp66, Map0F38, 0xB5, (int)acc, (int)a, b);

    /// <summary>dst = src &gt;&gt; count per qword (logical).</summary>
    public void VShiftRight(Zmm dst, Zmm src, int count) => EvexImmediate(0x73, 2, dst, src, count);

    /// <summary>dst = src &lt;&lt; count per qword.</summary>
    public void VShiftLeft(Zmm dst, Zmm src, int count) => EvexImmediate(0x73, 6, dst, src, count);

    /// <summary>dst = src &gt;&gt; count per qword (arithmetic: the sign bit fills).</summary>
    public void VShiftRightArithmetic(Zmm dst, Zmm src, int count) => EvexImmediate(0x72, 4, dst, src, count);

    /// <summary>Clears the upper halves of the vector registers before returning to code that may use SSE.</summary>
    public void VZeroUpper() => _code.AddRange([0xC5, 0xF8, 0x77]);

    // The shift-by-immediate group: the destination sits in vvvv, the source in r/m, the operation in ModRM.reg.
    private void EvexImmediate(byte opcode, int extension, Zmm dst, Zmm src, int count)
    {
        if (count is < 0 or > 63) throw new ArgumentOutOfRangeException(nameof(count));
        Evex(Pp66, Map0F, opcode, extension, (int)dst, src);
        _code.Add((byte)count);
    }

    // EVEX.512.W1 with the given prefix and map: 62, then R X B R' 0 0 m m, then W vvvv 1 pp, then
    // z L'L b V' aaa (the register bits stored inverted), opcode, ModRM, displacement.
    private void Evex(int pp, int map, byte opcode, int reg, int vvvv, VectorOperand rm)
    {
        int x, b;
        switch (rm.Kind)
        {
            case VectorOperand.RegisterKind: b = (rm.Number >> 3) & 1; x = (rm.Number >> 4) & 1; break;
            case VectorOperand.MemoryKind: b = (rm.Number >> 3) & 1; x = 0; break;
            default: b = 0; x = 0; break;
        }
        _code.Add(0x62);
        _code.Add((byte)(((~reg >> 3 & 1) << 7) | ((~x & 1) << 6) | ((~b & 1) << 5) | ((~reg >> 4 & 1) << 4) | map));
        _code.Add((byte)((1 << 7) | ((~vvvv & 0xF) << 3) | (1 << 2) | pp));
        _code.Add((byte)((0b10 << 5) | ((rm.Broadcast ? 1 : 0) << 4) | ((~vvvv >> 4 & 1) << 3)));
        _code.Add(opcode);
        int regBits = (reg & 7) << 3;
        switch (rm.Kind)
        {
            case VectorOperand.RegisterKind:
                _code.Add((byte)(0xC0 | regBits | (rm.Number & 7)));
                break;
            case VectorOperand.MemoryKind:
                _code.Add((byte)(0x80 | regBits | (rm.Number & 7)));
                if ((rm.Number & 7) == 4) _code.Add(0x24); // rsp/r12 base: SIB with no index
                _code.AddRange(BitConverter.GetBytes(rm.Displacement));
                break;
            default:
                EmitConstantAddress(regBits, rm.Displacement);
                break;
        }
    }
}

/// <summary>
/// The r/m operand of a vector instruction: a zmm register, the 64 bytes at [base + displacement], or a qword of
/// the routine's constant pool broadcast to all eight lanes.
/// </summary>
internal readonly struct VectorOperand
{
    internal const byte RegisterKind = 0, MemoryKind = 1, BroadcastKind = 2;

    private VectorOperand(byte kind, int number, int displacement)
    {
        Kind = kind;
        Number = number;
        Displacement = displacement;
    }

    /// <summary>Which of the three forms this is.</summary>
    public byte Kind { get; }

    /// <summary>The zmm register, or the base register of a memory operand.</summary>
    public int Number { get; }

    /// <summary>The byte displacement of a memory operand, or the index of the pool constant.</summary>
    public int Displacement { get; }

    /// <summary>Whether the operand is a broadcast pool constant.</summary>
    public bool Broadcast => Kind == BroadcastKind;

    /// <summary>A register operand.</summary>
    public static implicit operator VectorOperand(Zmm register) => new(RegisterKind, (int)register, 0);

    /// <summary>The 64 bytes at [base + displacement].</summary>
    public static VectorOperand Memory(X64Register baseRegister, int displacement) => new(MemoryKind, (int)baseRegister, displacement);

    /// <summary>A pool constant (from <see cref="X64Emitter.AddConstant"/>) broadcast to all lanes.</summary>
    public static VectorOperand BroadcastConstant(X64Operand constant) =>
        constant.Kind == X64Operand.ConstantKind ? new(BroadcastKind, 0, constant.Displacement) : throw new ArgumentException("not a pool constant", nameof(constant));
}
