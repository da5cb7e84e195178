namespace ZkInference.Field.Internal.X64;

/// <summary>A field element's four limbs in memory, at [base + 8·word] onwards.</summary>
internal readonly record struct Limbs(X64Register Base, int Word)
{
    /// <summary>Limb <paramref name="j"/> (0 = least significant) as an instruction operand.</summary>
    public X64Operand this[int j] => X64Operand.Word(Base, Word + j);

    /// <summary>The element <paramref name="elements"/> further on (32 bytes each).</summary>
    public Limbs Offset(int elements) => new(Base, Word + 4 * elements);
}
