using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// The Jacobian additions of <see cref="JacobianPoint{T}"/> for eight independent points at once, the points
/// held as coordinate arrays (x[k], y[k], z[k] for lane k) and every product an eight-lane product of
/// <see cref="FieldLanes{T}"/>. Only the lanes in <c>live</c> (a bit mask) are written; a live lane that hits
/// a special case (equal x: doubling or cancellation) is left unchanged and reported in the returned mask, for
/// the caller to finish with the scalar formula. Callers keep every lane's inputs valid field elements and
/// handle identities themselves (live lanes must have Z ≠ 0).
/// </summary>
[SkipLocalsInit]
internal static unsafe class JacobianLanes<T> where T : unmanaged, IField<T>
{
    /// <summary>p[k] += (x2[k], y2[k]) for the live lanes ("madd-2007-bl", 7M + 4S as 11 eight-lane products).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int AddMixed8(T* x, T* y, T* z, T* x2, T* y2, int live)
    {
        T* s = stackalloc T[8 * 11];
        T* z1z1 = s, u2 = s + 8, s2 = s + 16, h = s + 24, rr = s + 32, hh = s + 40, zh = s + 48;
        T* i = s + 56, j = s + 64, v = s + 72, x3 = s + 80;
        FieldLanes<T>.Square8(z, z1z1);
        FieldLanes<T>.Mul8(y2, z, s2);
        FieldLanes<T>.Mul8(x2, z1z1, u2);
        FieldLanes<T>.Mul8(s2, z1z1, s2);
        int special = 0;
        for (int k = 0; k < 8; k++)
        {
            T.Sub(u2[k], x[k], out h[k]);
            T.Sub(s2[k], y[k], out rr[k]);
            T.Double(rr[k], out rr[k]);
            T.Add(z[k], h[k], out zh[k]);
            if (h[k].IsZero) special |= 1 << k;
        }
        special &= live;
        FieldLanes<T>.Square8(h, hh);
        FieldLanes<T>.Square8(zh, zh);
        for (int k = 0; k < 8; k++)
        {
            T.Double(hh[k], out i[k]);
            T.Double(i[k], out i[k]);
        }
        FieldLanes<T>.Mul8(h, i, j);
        FieldLanes<T>.Mul8(x, i, v);
        FieldLanes<T>.Square8(rr, x3);
        for (int k = 0; k < 8; k++)
        {
            T.Sub(x3[k], j[k], out x3[k]);
            T.Sub(x3[k], v[k], out x3[k]);
            T.Sub(x3[k], v[k], out x3[k]);
            T.Sub(v[k], x3[k], out v[k]);
            T.Sub(zh[k], z1z1[k], out zh[k]);
            T.Sub(zh[k], hh[k], out zh[k]);
        }
        FieldLanes<T>.Mul8(rr, v, v);     // rr·(V − X3)
        FieldLanes<T>.Mul8(y, j, j);      // Y1·J
        int write = live & ~special;
        for (int k = 0; k < 8; k++)
        {
            if ((write >> k & 1) == 0) continue;
            T.Double(j[k], out T t);
            T.Sub(v[k], t, out y[k]);
            x[k] = x3[k];
            z[k] = zh[k];
        }
        return special;
    }

    /// <summary>p[k] += q[k] for the live lanes ("add-2007-bl", 11M + 5S as 16 eight-lane products).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Add8(T* x1, T* y1, T* z1, T* x2, T* y2, T* z2, int live)
    {
        T* s = stackalloc T[8 * 13];
        T* z1z1 = s, z2z2 = s + 8, s1 = s + 16, s2 = s + 24, u1 = s + 32, u2 = s + 40, h = s + 48, rr = s + 56;
        T* i = s + 64, zs = s + 72, j = s + 80, v = s + 88, x3 = s + 96;
        FieldLanes<T>.Square8(z1, z1z1);
        FieldLanes<T>.Square8(z2, z2z2);
        FieldLanes<T>.Mul8(y1, z2, s1);
        FieldLanes<T>.Mul8(y2, z1, s2);
        FieldLanes<T>.Mul8(x1, z2z2, u1);
        FieldLanes<T>.Mul8(x2, z1z1, u2);
        FieldLanes<T>.Mul8(s1, z2z2, s1);
        FieldLanes<T>.Mul8(s2, z1z1, s2);
        int special = 0;
        for (int k = 0; k < 8; k++)
        {
            T.Sub(u2[k], u1[k], out h[k]);
            T.Sub(s2[k], s1[k], out rr[k]);
            T.Double(rr[k], out rr[k]);
            T.Double(h[k], out i[k]);
            T.Add(z1[k], z2[k], out zs[k]);
            if (h[k].IsZero) special |= 1 << k;
        }
        special &= live;
        FieldLanes<T>.Square8(i, i);
        FieldLanes<T>.Square8(zs, zs);
        FieldLanes<T>.Mul8(h, i, j);
        FieldLanes<T>.Mul8(u1, i, v);
        FieldLanes<T>.Square8(rr, x3);
        for (int k = 0; k < 8; k++)
        {
            T.Sub(x3[k], j[k], out x3[k]);
            T.Sub(x3[k], v[k], out x3[k]);
            T.Sub(x3[k], v[k], out x3[k]);
            T.Sub(v[k], x3[k], out v[k]);
            T.Sub(zs[k], z1z1[k], out zs[k]);
            T.Sub(zs[k], z2z2[k], out zs[k]);
        }
        FieldLanes<T>.Mul8(rr, v, v);     // rr·(V − X3)
        FieldLanes<T>.Mul8(s1, j, j);     // S1·J
        FieldLanes<T>.Mul8(zs, h, zs);    // Z3
        int write = live & ~special;
        for (int k = 0; k < 8; k++)
        {
            if ((write >> k & 1) == 0) continue;
            T.Double(j[k], out T t);
            T.Sub(v[k], t, out y1[k]);
            x1[k] = x3[k];
            z1[k] = zs[k];
        }
        return special;
    }
}
