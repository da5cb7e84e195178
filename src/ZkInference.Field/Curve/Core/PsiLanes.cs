namespace ZkInference.Field.Internal;

/// <summary>
/// The endomorphism ψ on eight affine G2 points in lanes: ψ(x, y) = (cx·conj(x), cy·conj(y)), conjugation negating
/// the imaginary limbs (<see cref="G2Endomorphism"/> holds cx, cy). The tables of the four-way split
/// (<see cref="BatchScalarMul"/>, <see cref="SharedScalarMul"/>) are ψ, ψ², ψ³ of the first.
/// Callers check <see cref="Lanes8.IsSupported"/>.
/// </summary>
internal static unsafe class PsiLanes
{
    private static readonly Fp2Vec8 Cx = Broadcast(G2Endomorphism.CoefficientX), Cy = Broadcast(G2Endomorphism.CoefficientY);

    /// <summary>(px, py) = ψ(x, y) lane by lane (the outputs may be the inputs).</summary>
    public static void Apply(in Fp2Vec8 x, in Fp2Vec8 y, out Fp2Vec8 px, out Fp2Vec8 py)
    {
        Fp2Vec8 conj = x;
        FpVec8.Neg(conj.C1, out conj.C1);
        Fp2Vec8 cy = y;
        FpVec8.Neg(cy.C1, out cy.C1);
        Fp2Vec8.Mul(conj, Cx, out px);
        Fp2Vec8.Mul(cy, Cy, out py);
    }

    private static Fp2Vec8 Broadcast(Fp2 value)
    {
        Fp2* c = stackalloc Fp2[8];
        for (int l = 0; l < 8; l++) c[l] = value;
        Fp2Vec8.Load(c, out Fp2Vec8 r);
        return r;
    }
}
