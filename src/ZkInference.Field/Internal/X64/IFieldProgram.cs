namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Field operations emitted into a generated routine on values in memory (each named by its first limbs),
/// so a formula is written once for Fp and Fp2. Every operation reads its operands before it writes its
/// destination.
/// </summary>
internal interface IFieldProgram
{
    /// <summary>Four-limb elements one value occupies (1 for Fp, 2 for Fp2).</summary>
    int Elements { get; }

    /// <summary>A fresh scratch value in the routine's frame.</summary>
    Limbs NewValue();

    /// <summary>dst = x·y.</summary>
    void Mul(Limbs dst, Limbs x, Limbs y);

    /// <summary>dst = x².</summary>
    void Square(Limbs dst, Limbs x);

    /// <summary>dst = x + y.</summary>
    void Add(Limbs dst, Limbs x, Limbs y);

    /// <summary>dst = x − y.</summary>
    void Sub(Limbs dst, Limbs x, Limbs y);

    /// <summary>dst = 2x.</summary>
    void Double(Limbs dst, Limbs x);

    /// <summary>Copies one four-limb element.</summary>
    void CopyElement(Limbs from, Limbs to);

    /// <summary>Ors every limb of x into the qword at <paramref name="flag"/> (which the caller zeroes first).</summary>
    void OrInto(Limbs flag, Limbs x);
}
