using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// The four-dimensional split of a G2 scalar (Galbraith–Lin–Scott): ψ acts on G2 as λ = 6x² and λ⁴ − λ² + 1 ≡ 0
/// (mod r), so k ≡ k0 + k1·λ + k2·λ² + k3·λ³ with every |kᵢ| &lt; 2⁶⁶, and k·Q = k0·Q + k1·ψ(Q) + k2·ψ²(Q) + k3·ψ³(Q)
/// needs about 66 doublings instead of the two-way split's 127.
/// </summary>
/// <remarks>
/// The short lattice basis of {v : v0 + v1λ + v2λ² + v3λ³ ≡ 0 (mod r)} in terms of the BN seed x is
/// (x+1, x, x, −2x), (2x+1, −x, −x−1, −x), (2x, 2x+1, 2x+1, 2x+1), (x−1, 4x+2, −2x+1, x−1) (determinant −3r; it
/// spans a sublattice, which is enough). Babai's rounding writes (k, 0, 0, 0) ≈ Σ αⱼ·bⱼ with αⱼ = k·Nⱼ/det, Nⱼ the
/// cofactors of the first column; αⱼ is taken as ⌊k·⌊|Nⱼ|·2²⁵⁶/|det|⌋ / 2²⁵⁶⌋ with Nⱼ/det's sign (off by at most one
/// from the exact rounding, which only loosens the bound a little). The parts are exact integers below 2¹²⁷, so
/// they are computed modulo 2¹²⁸ with only the low 128 bits of each αⱼ.
/// </remarks>
[SkipLocalsInit]
internal static class G2Split4
{
    /// <summary>Every part is below this in absolute value (the tests check it against many scalars).</summary>
    public const int PartBits = 66;

    private static readonly Int128[,] Basis;
    private static readonly ulong[] Rounding; // 4 × 4 limbs: ⌊|Nⱼ|·2²⁵⁶/|det|⌋
    private static readonly bool[] Negative;  // sign of Nⱼ/det

    static G2Split4()
    {
        BigInteger x = G2Endomorphism.Seed;
        BigInteger[,] b =
        {
            { x + 1, x, x, -2 * x },
            { 2 * x + 1, -x, -x - 1, -x },
            { 2 * x, 2 * x + 1, 2 * x + 1, 2 * x + 1 },
            { x - 1, 4 * x + 2, -2 * x + 1, x - 1 },
        };
        BigInteger det = Determinant(b, 4);
        Basis = new Int128[4, 4];
        Rounding = new ulong[16];
        Negative = new bool[4];
        for (int j = 0; j < 4; j++)
        {
            for (int i = 0; i < 4; i++) Basis[j, i] = (Int128)b[j, i];
            BigInteger n = Cofactor(b, j, 0);
            Negative[j] = n.Sign * det.Sign < 0;
            BigInteger g = BigInteger.Abs(n) * (BigInteger.One << 256) / BigInteger.Abs(det);
            for (int l = 0; l < 4; l++) Rounding[4 * j + l] = (ulong)((g >> (64 * l)) & ulong.MaxValue);
        }
    }

    /// <summary>k ≡ parts[0] + parts[1]·λ + parts[2]·λ² + parts[3]·λ³ (mod r) for a canonical 4-limb k &lt; r.</summary>
    public static void Decompose(ReadOnlySpan<ulong> k, Span<Int128> parts)
    {
        Int128 k0 = (Int128)(((UInt128)k[1] << 64) | k[0]);
        parts[0] = k0;
        parts[1] = parts[2] = parts[3] = 0;
        for (int j = 0; j < 4; j++)
        {
            Int128 alpha = (Int128)HighProductLow128(k, Rounding.AsSpan(4 * j, 4));
            if (Negative[j]) alpha = -alpha;
            for (int i = 0; i < 4; i++) parts[i] -= alpha * Basis[j, i]; // modulo 2¹²⁸; the true parts are small
        }
    }

    // Bits 256 … 383 of the 512-bit product a·b (4 limbs each).
    private static UInt128 HighProductLow128(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        Span<ulong> p = stackalloc ulong[8];
        p.Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                UInt128 t = (UInt128)a[i] * b[j] + p[i + j] + carry;
                p[i + j] = (ulong)t;
                carry = (ulong)(t >> 64);
            }
            p[i + 4] = carry;
        }
        return ((UInt128)p[5] << 64) | p[4];
    }

    private static BigInteger Determinant(BigInteger[,] m, int n)
    {
        if (n == 1) return m[0, 0];
        BigInteger sum = BigInteger.Zero;
        for (int j = 0; j < n; j++)
        {
            BigInteger minor = Determinant(Minor(m, n, 0, j), n - 1);
            sum += (j % 2 == 0 ? m[0, j] : -m[0, j]) * minor;
        }
        return sum;
    }

    private static BigInteger Cofactor(BigInteger[,] m, int row, int column)
    {
        BigInteger minor = Determinant(Minor(m, 4, row, column), 3);
        return (row + column) % 2 == 0 ? minor : -minor;
    }

    private static BigInteger[,] Minor(BigInteger[,] m, int n, int row, int column)
    {
        var r = new BigInteger[n - 1, n - 1];
        for (int i = 0, ri = 0; i < n; i++)
        {
            if (i == row) continue;
            for (int j = 0, rj = 0; j < n; j++)
            {
                if (j == column) continue;
                r[ri, rj++] = m[i, j];
            }
            ri++;
        }
        return r;
    }
}
