using ZkInference.Field;

namespace ZkInference.Groth16.Dev;

/// <summary>
/// Fixed-base scalar multiplication of many scalars by one generator: a table of d·2⁸ᵏ·G (k = 0..31,
/// d = 1..255) in affine form, so each product is at most 32 mixed additions; products run in parallel and are
/// normalised with one batch inversion.
/// </summary>
internal static class FixedBase
{
    private const int WindowBits = 8, Windows = 32, Digits = (1 << WindowBits) - 1;

    public static G1Affine[] G1(in G1Affine generator, ReadOnlySpan<Fr> scalars)
    {
        var table = new G1Affine[Windows * Digits];
        var jac = new G1Jacobian[Windows * Digits];
        G1Jacobian baseK = G1Jacobian.FromAffine(generator);
        for (int k = 0; k < Windows; k++)
        {
            G1Jacobian acc = baseK;
            for (int d = 0; d < Digits; d++) { jac[k * Digits + d] = acc; acc += baseK; }
            baseK = acc; // 256·(previous base)
        }
        G1Jacobian.BatchToAffine(jac, table);
        Fr[] s = scalars.ToArray();
        var result = new G1Jacobian[s.Length];
        Parallel.For(0, s.Length, Parallelism.Cores, i =>
        {
            s[i].ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
            ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
            G1Jacobian acc = G1Jacobian.Infinity;
            for (int k = 0; k < Windows; k++)
            {
                int digit = (int)((limbs[k / 8] >> (k % 8 * 8)) & 0xFF);
                if (digit != 0) acc += table[k * Digits + digit - 1];
            }
            result[i] = acc;
        });
        var affine = new G1Affine[s.Length];
        G1Jacobian.BatchToAffine(result, affine);
        return affine;
    }

    public static G2Affine[] G2(in G2Affine generator, ReadOnlySpan<Fr> scalars)
    {
        var table = new G2Affine[Windows * Digits];
        var jac = new G2Jacobian[Windows * Digits];
        G2Jacobian baseK = G2Jacobian.FromAffine(generator);
        for (int k = 0; k < Windows; k++)
        {
            G2Jacobian acc = baseK;
            for (int d = 0; d < Digits; d++) { jac[k * Digits + d] = acc; acc += baseK; }
            baseK = acc;
        }
        G2Jacobian.BatchToAffine(jac, table);
        Fr[] s = scalars.ToArray();
        var result = new G2Jacobian[s.Length];
        Parallel.For(0, s.Length, Parallelism.Cores, i =>
        {
            s[i].ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
            ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
            G2Jacobian acc = G2Jacobian.Infinity;
            for (int k = 0; k < Windows; k++)
            {
                int digit = (int)((limbs[k / 8] >> (k % 8 * 8)) & 0xFF);
                if (digit != 0) acc += table[k * Digits + digit - 1];
            }
            result[i] = acc;
        });
        var affine = new G2Affine[s.Length];
        G2Jacobian.BatchToAffine(result, affine);
        return affine;
    }
}
