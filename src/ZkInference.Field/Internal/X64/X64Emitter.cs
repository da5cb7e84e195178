namespace ZkInference.Field.Internal.X64;

/// <summary>
/// A small x86-64 encoder for the few instructions the field kernels use: qword moves, <c>mulx</c>,
/// <c>adcx</c>/<c>adox</c> (the two independent carry chains .NET cannot express), <c>imul</c>, <c>sub</c>/<c>sbb</c>,
/// <c>cmovc</c>, <c>push</c>/<c>pop</c>. Constants live in a pool after the code, addressed relative to the
/// instruction pointer.
/// </summary>
internal sealed partial class X64Emitter
{
    private readonly List<byte> _code = new();
    private readonly List<ulong> _constants = new();
    // Where each instruction-pointer-relative displacement sits, and which pool constant it names.
    private readonly List<(int Position, int Constant)> _fixups = new();

    /// <summary>Bytes of code emitted so far.</summary>
    public int Position => _code.Count;

    /// <summary>Overwrites four bytes of emitted code (an immediate settled later).</summary>
    public void PatchInt32(int position, int value)
    {
        byte[] bytes = BitConverter.GetBytes(value);
        for (int i = 0; i < 4; i++) _code[position + i] = bytes[i];
    }

    /// <summary>Adds a qword to the constant pool and returns the operand that reads it.</summary>
    public X64Operand AddConstant(ulong value)
    {
        _constants.Add(value);
        return X64Operand.Constant(_constants.Count - 1);
    }

    /// <summary>dst = src (qword).</summary>
    public void Mov(X64Register dst, X64Operand src) => Emit(0, true, [0x8B], dst, src);

    /// <summary>[base + 8·word] = src.</summary>
    public void Store(X64Register baseRegister, int word, X64Register src) =>
        Emit(0, true, [0x89], src, X64Operand.Word(baseRegister, word));

    /// <summary>dst = src when CF is clear.</summary>
    public void Cmovnc(X64Register dst, X64Operand src) => Emit(0, true, [0x0F, 0x43], dst, src);

    /// <summary>dst = 0 without touching the flags (<c>mov r32, 0</c>).</summary>
    public void ZeroKeepFlags(X64Register dst)
    {
        if ((int)dst >= 8) _code.Add(0x41);
        _code.Add((byte)(0xB8 + ((int)dst & 7)));
        _code.AddRange([0, 0, 0, 0]);
    }

    /// <summary>dst = 0 and clears CF and OF (<c>xor r32, r32</c>).</summary>
    public void ZeroClearFlags(X64Register dst) => Emit(0, false, [0x33], dst, dst);

    /// <summary>hi:lo = rdx·src, flags untouched.</summary>
    public void Mulx(X64Register hi, X64Register lo, X64Operand src)
    {
        // Three-byte VEX (map 0F38, W1, prefix F2); the low half's register sits inverted in vvvv.
        _code.Add(0xC4);
        int b = src.Kind == X64Operand.RegisterKind || src.Kind == X64Operand.MemoryKind ? ((int)src.Register >> 3) & 1 : 0;
        _code.Add((byte)(((~((int)hi >> 3) & 1) << 7) | (1 << 6) | ((~b & 1) << 5) | 0b00010));
        _code.Add((byte)((1 << 7) | ((~(int)lo & 0xF) << 3) | 0b11));
        _code.Add(0xF6);
        EmitModRm(hi, src);
    }

    /// <summary>dst += src + CF, carrying out through CF only.</summary>
    public void Adcx(X64Register dst, X64Operand src) => Emit(0x66, true, [0x0F, 0x38, 0xF6], dst, src);

    /// <summary>dst += src + OF, carrying out through OF only.</summary>
    public void Adox(X64Register dst, X64Operand src) => Emit(0xF3, true, [0x0F, 0x38, 0xF6], dst, src);

    /// <summary>dst = dst·src mod 2⁶⁴.</summary>
    public void Imul(X64Register dst, X64Operand src) => Emit(0, true, [0x0F, 0xAF], dst, src);

    /// <summary>dst += src, carry out in CF.</summary>
    public void Add(X64Register dst, X64Operand src) => Emit(0, true, [0x03], dst, src);

    /// <summary>dst += src + CF, carry out in CF.</summary>
    public void Adc(X64Register dst, X64Operand src) => Emit(0, true, [0x13], dst, src);

    /// <summary>dst |= src.</summary>
    public void Or(X64Register dst, X64Operand src) => Emit(0, true, [0x0B], dst, src);

    /// <summary>dst −= src, borrow out in CF.</summary>
    public void Sub(X64Register dst, X64Operand src) => Emit(0, true, [0x2B], dst, src);

    /// <summary>dst −= src + CF, borrow out in CF.</summary>
    public void Sbb(X64Register dst, X64Operand src) => Emit(0, true, [0x1B], dst, src);

    /// <summary>dst = src when CF is set.</summary>
    public void Cmovc(X64Register dst, X64Operand src) => Emit(0, true, [0x0F, 0x42], dst, src);

    /// <summary>register += immediate (a 32-bit signed constant).</summary>
    public void AddImmediate(X64Register register, int immediate) => EmitImmediate(0, register, immediate);

    /// <summary>register −= immediate (a 32-bit signed constant).</summary>
    public void SubImmediate(X64Register register, int immediate) => EmitImmediate(5, register, immediate);

    /// <summary>Pushes a register.</summary>
    public void Push(X64Register register)
    {
        if ((int)register >= 8) _code.Add(0x41);
        _code.Add((byte)(0x50 + ((int)register & 7)));
    }

    /// <summary>Pops a register.</summary>
    public void Pop(X64Register register)
    {
        if ((int)register >= 8) _code.Add(0x41);
        _code.Add((byte)(0x58 + ((int)register & 7)));
    }

    /// <summary>Returns to the caller.</summary>
    public void Ret() => _code.Add(0xC3);

    /// <summary>The finished routine: code, padding to 16 bytes, then the constant pool, displacements resolved.</summary>
    public byte[] Build()
    {
        var bytes = new List<byte>(_code);
        while (bytes.Count % 16 != 0) bytes.Add(0xCC);
        int pool = bytes.Count;
        foreach (ulong c in _constants) bytes.AddRange(BitConverter.GetBytes(c));
        byte[] result = bytes.ToArray();
        foreach (var (position, constant) in _fixups)
        {
            // The displacement is the last field of every instruction emitted here, so the next instruction
            // starts right after it.
            int displacement = pool + 8 * constant - (position + 4);
            BitConverter.TryWriteBytes(result.AsSpan(position, 4), displacement);
        }
        return result;
    }

    // The 0x81 group (add /0, sub /5) on a register with a 32-bit immediate.
    private void EmitImmediate(int extension, X64Register register, int immediate)
    {
        _code.Add((byte)(0x48 | (((int)register >> 3) & 1)));
        _code.Add(0x81);
        _code.Add((byte)(0xC0 | (extension << 3) | ((int)register & 7)));
        _code.AddRange(BitConverter.GetBytes(immediate));
    }

    private void Emit(byte prefix, bool wide, ReadOnlySpan<byte> opcode, X64Register reg, X64Operand rm)
    {
        if (prefix != 0) _code.Add(prefix);
        int r = ((int)reg >> 3) & 1;
        int b = rm.Kind == X64Operand.ConstantKind ? 0 : ((int)rm.Register >> 3) & 1;
        int rex = (wide ? 8 : 0) | (r << 2) | b;
        if (rex != 0) _code.Add((byte)(0x40 | rex));
        foreach (byte o in opcode) _code.Add(o);
        EmitModRm(reg, rm);
    }

    private void EmitModRm(X64Register reg, X64Operand rm)
    {
        int regBits = ((int)reg & 7) << 3;
        switch (rm.Kind)
        {
            case X64Operand.RegisterKind:
                _code.Add((byte)(0xC0 | regBits | ((int)rm.Register & 7)));
                break;
            case X64Operand.MemoryKind:
            {
                int baseBits = (int)rm.Register & 7;
                bool short8 = rm.Displacement is >= -128 and <= 127;
                _code.Add((byte)((short8 ? 0x40 : 0x80) | regBits | baseBits));
                // rsp and r12 as a base need a SIB byte (base only, no index).
                if (baseBits == 4) _code.Add(0x24);
                if (short8) _code.Add((byte)(sbyte)rm.Displacement);
                else _code.AddRange(BitConverter.GetBytes(rm.Displacement));
                break;
            }
            default:
                EmitConstantAddress(regBits, rm.Displacement);
                break;
        }
    }

    // ModRM for [rip + disp32] naming pool constant `constant`; the displacement is resolved in Build.
    private void EmitConstantAddress(int regBits, int constant)
    {
        _code.Add((byte)(regBits | 0b101));
        _fixups.Add((_code.Count, constant));
        _code.AddRange([0, 0, 0, 0]);
    }
}
