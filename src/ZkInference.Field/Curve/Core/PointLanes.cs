using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Jacobian point formulas for eight independent points at once, laid out as eight X, eight Y and eight Z
/// values: every product of the formula becomes one eight-lane product (<see cref="Fp.Mul8"/>, or
/// <see cref="Fp2Lanes.Mul8"/> for G2), the additions stay scalar. The formulas are the ones of
/// <see cref="JacobianPoint{T}"/> without their special cases: callers decide per lane what to keep
/// (see <see cref="BatchScalarMul"/>).
/// </summary>
[SkipLocalsInit]
internal static unsafe class PointLanes<T> where T : unmanaged, IField<T>
{
    /// <summary>r[k] = a[k]·b[k] for k &lt; 8 through the field's lane product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul8(T* a, T* b, T* r)
    {
        if (typeof(T) == typeof(Fp)) Fp.Mul8((Fp*)a, (Fp*)b, (Fp*)r);
        else if (typeof(T) == typeof(Fp2)) Fp2Lanes.Mul8((Fp2*)a, (Fp2*)b, (Fp2*)r);
        else for (int k = 0; k < 8; k++) T.Mul(a[k], b[k], out r[k]);
    }

    /// <summary>(X, Y, Z) ← 2·(X, Y, Z) in every lane ("dbl-2009-l", a = 0; Z = 0 stays 0).</summary>
    public static void Double8(T* x, T* y, T* z)
    {
        T* a = stackalloc T[8], b = stackalloc T[8], c = stackalloc T[8], d = stackalloc T[8], e = stackalloc T[8], f = stackalloc T[8];
        Mul8(x, x, a);
        Mul8(y, y, b);
        Mul8(b, b, c);
        for (int k = 0; k < 8; k++) T.Add(x[k], b[k], out d[k]);
        Mul8(d, d, d);
        for (int k = 0; k < 8; k++)
        {
            T.Sub(d[k], a[k], out T t);
            T.Sub(t, c[k], out t);
            T.Double(t, out d[k]);
            T.Double(a[k], out T a2);
            T.Add(a2, a[k], out e[k]);
        }
        Mul8(e, e, f);
        Mul8(y, z, z);
        for (int k = 0; k < 8; k++)
        {
            T.Double(z[k], out z[k]);
            T.Double(d[k], out T d2);
            T.Sub(f[k], d2, out x[k]);
            T.Sub(d[k], x[k], out f[k]); // f now holds D − X3
        }
        Mul8(e, f, y);
        for (int k = 0; k < 8; k++)
        {
            T.Double(c[k], out T c8);
            T.Double(c8, out c8);
            T.Double(c8, out c8);
            T.Sub(y[k], c8, out y[k]);
        }
    }

    /// <summary>
    /// (x3, y3, z3) = (x1, y1, z1) + (x2, y2) in every lane ("madd-2007-bl"), and h = x2·z1² − x1: zero h
    /// means the two points share x (a doubling or a cancellation), which the formula does not handle.
    /// </summary>
    public static void AddMixed8(T* x1, T* y1, T* z1, T* x2, T* y2, T* x3, T* y3, T* z3, T* h)
    {
        T* z1z1 = stackalloc T[8], u2 = stackalloc T[8], s2 = stackalloc T[8], rr = stackalloc T[8];
        T* hh = stackalloc T[8], i = stackalloc T[8], j = stackalloc T[8], v = stackalloc T[8], t = stackalloc T[8];
        Mul8(z1, z1, z1z1);
        Mul8(x2, z1z1, u2);
        Mul8(y2, z1, s2);
        Mul8(s2, z1z1, s2);
        for (int k = 0; k < 8; k++)
        {
            T.Sub(u2[k], x1[k], out h[k]);
            T.Sub(s2[k], y1[k], out T r);
            T.Double(r, out rr[k]);
        }
        Mul8(h, h, hh);
        for (int k = 0; k < 8; k++)
        {
            T.Double(hh[k], out T i2);
            T.Double(i2, out i[k]);
        }
        Mul8(h, i, j);
        Mul8(x1, i, v);
        Mul8(rr, rr, x3);
        for (int k = 0; k < 8; k++)
        {
            T.Sub(x3[k], j[k], out T x);
            T.Sub(x, v[k], out x);
            T.Sub(x, v[k], out x3[k]);
            T.Sub(v[k], x3[k], out t[k]);
            T.Add(z1[k], h[k], out s2[k]); // s2 now holds Z1 + H
        }
        Mul8(rr, t, y3);
        Mul8(y1, j, u2);              // u2 now holds Y1·J
        Mul8(s2, s2, z3);
        for (int k = 0; k < 8; k++)
        {
            T.Double(u2[k], out T yj2);
            T.Sub(y3[k], yj2, out y3[k]);
            T.Sub(z3[k], z1z1[k], out T z);
            T.Sub(z, hh[k], out z3[k]);
        }
    }
}
