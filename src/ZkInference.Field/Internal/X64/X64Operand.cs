namespace ZkInference.Field.Internal.X64;

/// <summary>
/// The r/m operand of an instruction: a register, a qword at [base + displacement], or a qword of the
/// routine's constant pool (addressed relative to the instruction pointer).
/// </summary>
internal readonly struct X64Operand
{
    private X64Operand(byte kind, X64Register register, int displacement)
    {
        Kind = kind;
        Register = register;
        Displacement = displacement;
    }

    internal const byte RegisterKind = 0, MemoryKind = 1, ConstantKind = 2;

    /// <summary>Which of the three forms this is.</summary>
    public byte Kind { get; }

    /// <summary>The register, or the base register of a memory operand.</summary>
    public X64Register Register { get; }

    /// <summary>The byte displacement of a memory operand, or the index of a pool constant.</summary>
    public int Displacement { get; }

    /// <summary>A register operand.</summary>
    public static implicit operator X64Operand(X64Register register) => new(RegisterKind, register, 0);

    /// <summary>The qword at [base + 8·word].</summary>
    public static X64Operand Word(X64Register baseRegister, int word) => new(MemoryKind, baseRegister, 8 * word);

    /// <summary>Constant number <paramref name="index"/> of the routine's pool.</summary>
    public static X64Operand Constant(int index) => new(ConstantKind, default, index);
}
