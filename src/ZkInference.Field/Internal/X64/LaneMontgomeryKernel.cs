using System.Numerics;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Emits the eight-lane Montgomery product on AVX-512 IFMA for the lane types (<see cref="FpVec8"/>,
/// <see cref="FrVec8"/>): r = a·b·2⁻²⁵⁶ mod q in each of eight qword lanes, the elements kept as nine 29-bit limbs
/// in memory (the lane types' layout) and fully reduced on both sides. Called as (r, a, b) with pointers to the
/// three nine-vector values; r may alias a or b.
/// </summary>
/// <remarks>
/// Inside, the operands are re-split into five 52-bit limbs, a shifted left by 4 bits so that the radix-2⁵² product
/// over five limbs (R = 2²⁶⁰) comes out in the lane types' R = 2²⁵⁶ form: 16a·b &lt; 16q² &lt; 2²⁶⁰·q, so the result
/// before its one conditional subtraction is below 2q. Each of the five rounds adds a_i·b (the low and high 52-bit
/// halves of each product, <c>vpmadd52luq</c>/<c>vpmadd52huq</c>), then m·q with m = t₀·(−q⁻¹) mod 2⁵², and shifts one
/// limb out; a column receives at most four 52-bit terms per round plus the previous rounds' sums, far below 2⁶⁴.
/// The managed eight-lane product needs 162 32-bit lane products and their additions where this needs 50
/// multiply-adds.
/// </remarks>
internal static class LaneMontgomeryKernel
{
    private const int Limbs29 = 9, Limbs52 = 5, Vector = 64;
    private static readonly X64Register R = X64Register.Rdi, A = X64Register.Rsi, B = X64Register.Rdx;

    /// <summary>The routine for the modulus with 64-bit limbs q0 … q3 and −q⁻¹ mod 2⁶⁴.</summary>
    public static byte[] Product(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var e = new X64Emitter();
        BigInteger q = q0 | ((BigInteger)q1 << 64) | ((BigInteger)q2 << 128) | ((BigInteger)q3 << 192);
        var qLimb = new VectorOperand[Limbs52];
        for (int j = 0; j < Limbs52; j++)
            qLimb[j] = VectorOperand.BroadcastConstant(e.AddConstant((ulong)((q >> (52 * j)) & Mask(52))));
        var qInv52 = VectorOperand.BroadcastConstant(e.AddConstant(qInvNeg & (ulong)Mask(52)));
        var mask52 = VectorOperand.BroadcastConstant(e.AddConstant((ulong)Mask(52)));
        var mask29 = VectorOperand.BroadcastConstant(e.AddConstant((ulong)Mask(29)));

        Zmm[] a = [Zmm.Z0, Zmm.Z1, Zmm.Z2, Zmm.Z3, Zmm.Z4];
        Zmm[] b = [Zmm.Z5, Zmm.Z6, Zmm.Z7, Zmm.Z8, Zmm.Z9];
        Zmm[] t = [Zmm.Z10, Zmm.Z11, Zmm.Z12, Zmm.Z13, Zmm.Z14, Zmm.Z15];
        Zmm m = Zmm.Z16, tmp = Zmm.Z17, tmp2 = Zmm.Z18;
        Zmm[] limbs = [Zmm.Z20, Zmm.Z21, Zmm.Z22, Zmm.Z23, Zmm.Z24, Zmm.Z25, Zmm.Z26, Zmm.Z27, Zmm.Z28];

        ToRadix52(e, A, 4, a, limbs, tmp, mask52);
        ToRadix52(e, B, 0, b, limbs, tmp, mask52);
        foreach (Zmm z in t) e.VXor(z, z, z);
        for (int i = 0; i < Limbs52; i++)
        {
            for (int j = 0; j < Limbs52; j++)
            {
                e.VMulAddLow52(t[j], a[i], b[j]);
                e.VMulAddHigh52(t[j + 1], a[i], b[j]);
            }
            e.VXor(m, m, m);
            e.VMulAddLow52(m, t[0], qInv52);
            for (int j = 0; j < Limbs52; j++)
            {
                e.VMulAddLow52(t[j], m, qLimb[j]);
                e.VMulAddHigh52(t[j + 1], m, qLimb[j]);
            }
            // t₀ is now a multiple of 2⁵²: carry its high bits up and drop it (it becomes the new, zeroed top column).
            e.VShiftRight(tmp, t[0], 52);
            e.VAdd(t[1], t[1], tmp);
            Zmm out0 = t[0];
            for (int j = 0; j < Limbs52; j++) t[j] = t[j + 1];
            t[Limbs52] = out0;
            e.VXor(out0, out0, out0);
        }

        // Normalize to 52-bit limbs (the value is below 2q < 2²⁵⁵), then subtract q once where that stays non-negative.
        for (int j = 0; j < Limbs52 - 1; j++)
        {
            e.VShiftRight(tmp, t[j], 52);
            e.VAdd(t[j + 1], t[j + 1], tmp);
            e.VAnd(t[j], t[j], mask52);
        }
        Zmm[] u = a;
        e.VSub(u[0], t[0], qLimb[0]);
        for (int j = 1; j < Limbs52; j++)
        {
            e.VShiftRight(tmp, u[j - 1], 63);
            e.VSub(u[j], t[j], qLimb[j]);
            e.VSub(u[j], u[j], tmp);
            e.VAnd(u[j - 1], u[j - 1], mask52);
        }
        Zmm keep = m;
        e.VShiftRightArithmetic(keep, u[Limbs52 - 1], 63); // all ones where t < q: keep t
        Zmm[] result = b;
        for (int j = 0; j < Limbs52; j++)
        {
            e.VAnd(tmp, t[j], keep);
            e.VAndNot(tmp2, keep, u[j]);
            e.VOr(result[j], tmp, tmp2);
        }

        // Back to nine 29-bit limbs.
        for (int i = 0; i < Limbs29; i++)
        {
            int position = 29 * i, j = position / 52, shift = position - 52 * j;
            Zmm limb = limbs[i];
            if (shift == 0) e.VAnd(limb, result[j], mask29);
            else
            {
                e.VShiftRight(limb, result[j], shift);
                if (shift + 29 > 52 && j + 1 < Limbs52)
                {
                    e.VShiftLeft(tmp, result[j + 1], 52 - shift);
                    e.VOr(limb, limb, tmp);
                }
                e.VAnd(limb, limb, mask29);
            }
            e.VStore(R, Vector * i, limb);
        }
        e.VZeroUpper();
        e.Ret();
        return e.Build();
    }

    // Loads nine 29-bit limbs from [source] and writes the value · 2^shift as five 52-bit limbs.
    private static void ToRadix52(X64Emitter e, X64Register source, int shift, Zmm[] dst, Zmm[] limbs, Zmm tmp, VectorOperand mask52)
    {
        for (int i = 0; i < Limbs29; i++) e.VLoad(limbs[i], source, Vector * i);
        for (int j = 0; j < Limbs52; j++)
        {
            bool first = true;
            for (int i = 0; i < Limbs29; i++)
            {
                int low = 29 * i + shift, offset = low - 52 * j;
                if (low + 29 <= 52 * j || low >= 52 * (j + 1)) continue; // no overlap with limb j
                Zmm target = first ? dst[j] : tmp;
                if (offset > 0) e.VShiftLeft(target, limbs[i], offset);
                else if (offset < 0) e.VShiftRight(target, limbs[i], -offset);
                else e.VOr(target, limbs[i], limbs[i]);
                if (!first) e.VOr(dst[j], dst[j], tmp);
                first = false;
            }
            e.VAnd(dst[j], dst[j], mask52);
        }
    }

    private static BigInteger Mask(int bits) => (BigInteger.One << bits) - 1;
}
