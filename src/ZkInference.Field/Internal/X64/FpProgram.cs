namespace ZkInference.Field.Internal.X64;

/// <summary>Fp operations emitted into a <see cref="MontgomeryEmitter"/> routine, the Fp face of <see cref="IFieldProgram"/>.</summary>
internal sealed class FpProgram(MontgomeryEmitter emitter) : IFieldProgram
{
    /// <inheritdoc />
    public int Elements => 1;

    /// <inheritdoc />
    public Limbs NewValue() => emitter.NewElement();

    /// <inheritdoc />
    public void Mul(Limbs dst, Limbs x, Limbs y)
    {
        emitter.Product([(y, x)]);
        emitter.Store(dst);
    }

    /// <inheritdoc />
    public void Square(Limbs dst, Limbs x) => Mul(dst, x, x);

    /// <inheritdoc />
    public void Add(Limbs dst, Limbs x, Limbs y) => emitter.AddReduced(x, y, dst);

    /// <inheritdoc />
    public void Sub(Limbs dst, Limbs x, Limbs y) => emitter.SubReduced(x, y, dst);

    /// <inheritdoc />
    public void Double(Limbs dst, Limbs x) => emitter.AddReduced(x, x, dst);

    /// <inheritdoc />
    public void CopyElement(Limbs from, Limbs to) => emitter.Copy(from, to);

    /// <inheritdoc />
    public void OrInto(Limbs flag, Limbs x) => emitter.OrInto(flag, x);
}
