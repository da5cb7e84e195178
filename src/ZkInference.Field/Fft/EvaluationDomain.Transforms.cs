namespace ZkInference.Field.Fft;

public sealed partial class EvaluationDomain
{
    /// <summary>
    /// Forward FFT in place: <paramref name="values"/> holds the n coefficients of a polynomial p
    /// (constant term first) and is overwritten with p(ω⁰), p(ω¹), …, p(ωⁿ⁻¹).
    /// </summary>
    /// <param name="values">Exactly <see cref="Size"/> elements.</param>
    /// <param name="parallel">Use all cores when the domain has at least <see cref="ParallelThreshold"/> elements.</param>
    /// <exception cref="ArgumentException">The span's length is not <see cref="Size"/>.</exception>
    public unsafe void Fft(Span<Fr> values, bool parallel = true)
    {
        CheckLength(values);
        fixed (Fr* p = values) Transform(p, _twiddles, UseParallel(parallel));
    }

    /// <summary>
    /// Inverse FFT in place: evaluations at ω⁰, …, ωⁿ⁻¹ in, the coefficients of the interpolating
    /// polynomial out (the 1/n scaling included).
    /// </summary>
    /// <param name="values">Exactly <see cref="Size"/> elements.</param>
    /// <param name="parallel">Use all cores when the domain has at least <see cref="ParallelThreshold"/> elements.</param>
    /// <exception cref="ArgumentException">The span's length is not <see cref="Size"/>.</exception>
    public unsafe void InverseFft(Span<Fr> values, bool parallel = true)
    {
        CheckLength(values);
        bool par = UseParallel(parallel);
        fixed (Fr* p = values)
        {
            Transform(p, _inverseTwiddles, par);
            Distribute(p, Size, SizeInverse, Fr.One, overwrite: false, par);
        }
    }

    /// <summary>
    /// Coset FFT in place: coefficients in, evaluations at g·ω⁰, …, g·ωⁿ⁻¹ out, for the shift
    /// g = <paramref name="shift"/> (the Groth16 prover uses ω₂ₙ, the odd coset of the 2n domain).
    /// </summary>
    /// <param name="values">Exactly <see cref="Size"/> elements.</param>
    /// <param name="shift">The coset shift g (non-zero).</param>
    /// <param name="parallel">Use all cores when the domain has at least <see cref="ParallelThreshold"/> elements.</param>
    /// <exception cref="ArgumentException">The span's length is not <see cref="Size"/>.</exception>
    public unsafe void CosetFft(Span<Fr> values, in Fr shift, bool parallel = true)
    {
        CheckLength(values);
        bool par = UseParallel(parallel);
        fixed (Fr* p = values)
        {
            // p(g·x) has coefficients aᵢ·gⁱ.
            Distribute(p, Size, Fr.One, shift, overwrite: false, par);
            Transform(p, _twiddles, par);
        }
    }

    /// <summary>
    /// Inverse coset FFT in place: evaluations at g·ω⁰, …, g·ωⁿ⁻¹ in, coefficients out.
    /// </summary>
    /// <param name="values">Exactly <see cref="Size"/> elements.</param>
    /// <param name="shift">The coset shift g (non-zero).</param>
    /// <param name="parallel">Use all cores when the domain has at least <see cref="ParallelThreshold"/> elements.</param>
    /// <exception cref="ArgumentException">The span's length is not <see cref="Size"/>, or the shift is zero.</exception>
    public unsafe void CosetInverseFft(Span<Fr> values, in Fr shift, bool parallel = true)
    {
        CheckLength(values);
        if (shift.IsZero) throw new ArgumentException("the coset shift must not be zero", nameof(shift));
        bool par = UseParallel(parallel);
        Fr.Inverse(shift, out Fr shiftInverse);
        fixed (Fr* p = values)
        {
            Transform(p, _inverseTwiddles, par);
            // Undo the shift and the scaling in one pass: aᵢ·(1/n)·g⁻ⁱ.
            Distribute(p, Size, SizeInverse, shiftInverse, overwrite: false, par);
        }
    }

    private bool UseParallel(bool requested) => requested && Size >= ParallelThreshold && Environment.ProcessorCount > 1;

    private void CheckLength(Span<Fr> values)
    {
        if (values.Length != Size)
            throw new ArgumentException($"expected {Size} elements for a domain of size 2^{LogSize}, got {values.Length}", nameof(values));
    }
}
