using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkInference.Field.Internal.X64;

namespace ZkInference.Field.Internal;

/// <summary>
/// A point (X : Y : Z) of y² = x³ + b in Jacobian coordinates, x = X/Z², y = Y/Z³, over any field:
/// the arithmetic is written once and specialised by the JIT for Fp (G1) and Fp2 (G2).
/// Z = 0 is the identity, so <c>default</c> is the identity.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct JacobianPoint<T> where T : struct, IField<T>
{
    public T X, Y, Z;

    public JacobianPoint(in T x, in T y, in T z) { X = x; Y = y; Z = z; }

    public readonly bool IsInfinity => Z.IsZero;

    /// <summary>The identity with the conventional representative (1 : 1 : 0).</summary>
    public static JacobianPoint<T> Infinity => new(T.One, T.One, T.Zero);

    /// <summary>The affine point (x, y) lifted with Z = 1; (0, 0) is the identity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromAffine(in T x, in T y, out JacobianPoint<T> r)
    {
        if (x.IsZero && y.IsZero) { r = Infinity; return; }
        r = new JacobianPoint<T>(x, y, T.One);
    }

    /// <summary>r = 2p ("dbl-2009-l", a = 0): 2M + 5S; generated machine code for G1 and G2 where available.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Double(in JacobianPoint<T> p, out JacobianPoint<T> r)
    {
        var kernel = typeof(T) == typeof(Fp) ? PointKernels.G1Double : typeof(T) == typeof(Fp2) ? PointKernels.G2Double : null;
        if (kernel == null)
        {
            DoubleManaged(p, out r);
            return;
        }
        Unsafe.SkipInit(out r);
        fixed (byte* pr = &Unsafe.As<JacobianPoint<T>, byte>(ref r), pp = &Unsafe.As<JacobianPoint<T>, byte>(ref Unsafe.AsRef(in p)))
            kernel(pr, pp);
    }

    /// <summary>The managed path of <see cref="Double"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DoubleManaged(in JacobianPoint<T> p, out JacobianPoint<T> r)
    {
        FieldOps<T>.Square(p.X, out T a);
        FieldOps<T>.Square(p.Y, out T b);
        FieldOps<T>.Square(b, out T c);
        T.Add(p.X, b, out T d);
        FieldOps<T>.Square(d, out d);
        T.Sub(d, a, out d);
        T.Sub(d, c, out d);
        T.Double(d, out d);
        T.Double(a, out T e);
        T.Add(e, a, out e);
        FieldOps<T>.Square(e, out T f);
        FieldOps<T>.Mul(p.Y, p.Z, out T z3);
        T.Double(z3, out z3);
        T.Double(d, out T x3);
        T.Sub(f, x3, out x3);
        T.Sub(d, x3, out T y3);
        FieldOps<T>.Mul(e, y3, out y3);
        T.Double(c, out c);
        T.Double(c, out c);
        T.Double(c, out c);
        T.Sub(y3, c, out y3);
        // Z = 0 stays 0 (2·Y·0), and a point with y = 0 (order 2) doubles to Z = 0: no branch needed.
        r = new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>
    /// r = p + (x2, y2) for an affine point ("madd-2007-bl"): 7M + 4S; every special case handled. The general
    /// case runs generated machine code for G1 and G2 where available.
    /// </summary>
    public static unsafe void AddMixed(in JacobianPoint<T> p, in T x2, in T y2, out JacobianPoint<T> r)
    {
        if (x2.IsZero && y2.IsZero) { r = p; return; }
        if (p.Z.IsZero) { r = new JacobianPoint<T>(x2, y2, T.One); return; }
        var kernel = typeof(T) == typeof(Fp) ? PointKernels.G1AddMixed : typeof(T) == typeof(Fp2) ? PointKernels.G2AddMixed : null;
        if (kernel != null)
        {
            // The kernel returns 0 for p = ±(x2, y2) (H = 0), which the managed formula resolves.
            Unsafe.SkipInit(out r);
            Unsafe.SkipInit(out JacobianPoint<T> sum);
            fixed (byte* ps = &Unsafe.As<JacobianPoint<T>, byte>(ref sum), pp = &Unsafe.As<JacobianPoint<T>, byte>(ref Unsafe.AsRef(in p)))
            fixed (byte* px = &Unsafe.As<T, byte>(ref Unsafe.AsRef(in x2)), py = &Unsafe.As<T, byte>(ref Unsafe.AsRef(in y2)))
            {
                if (kernel(ps, pp, px, py) != 0)
                {
                    r = sum;
                    return;
                }
            }
        }
        AddMixedManaged(p, x2, y2, out r);
    }

    /// <summary>The managed path of <see cref="AddMixed"/> (special cases included).</summary>
    internal static void AddMixedManaged(in JacobianPoint<T> p, in T x2, in T y2, out JacobianPoint<T> r)
    {
        if (x2.IsZero && y2.IsZero) { r = p; return; }
        if (p.Z.IsZero) { r = new JacobianPoint<T>(x2, y2, T.One); return; }
        FieldOps<T>.Square(p.Z, out T z1z1);
        FieldOps<T>.Mul(x2, z1z1, out T u2);
        FieldOps<T>.Mul(y2, p.Z, out T s2);
        FieldOps<T>.Mul(s2, z1z1, out s2);
        T.Sub(u2, p.X, out T h);
        T.Sub(s2, p.Y, out T rr);
        if (h.IsZero)
        {
            // Same x: either the same point (double) or its negative (identity).
            if (rr.IsZero) { Double(p, out r); return; }
            r = Infinity;
            return;
        }
        T.Double(rr, out rr);
        FieldOps<T>.Square(h, out T hh);
        T.Double(hh, out T i);
        T.Double(i, out i);
        FieldOps<T>.Mul(h, i, out T j);
        FieldOps<T>.Mul(p.X, i, out T v);
        FieldOps<T>.Square(rr, out T x3);
        T.Sub(x3, j, out x3);
        T.Sub(x3, v, out x3);
        T.Sub(x3, v, out x3);
        T.Sub(v, x3, out T y3);
        FieldOps<T>.Mul(rr, y3, out y3);
        FieldOps<T>.Mul(p.Y, j, out T t);
        T.Double(t, out t);
        T.Sub(y3, t, out y3);
        T.Add(p.Z, h, out T z3);
        FieldOps<T>.Square(z3, out z3);
        T.Sub(z3, z1z1, out z3);
        T.Sub(z3, hh, out z3);
        r = new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>r = p + q ("add-2007-bl"): 11M + 5S; every special case handled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in JacobianPoint<T> p, in JacobianPoint<T> q, out JacobianPoint<T> r)
    {
        if (p.Z.IsZero) { r = q; return; }
        if (q.Z.IsZero) { r = p; return; }
        FieldOps<T>.Square(p.Z, out T z1z1);
        FieldOps<T>.Square(q.Z, out T z2z2);
        FieldOps<T>.Mul(p.X, z2z2, out T u1);
        FieldOps<T>.Mul(q.X, z1z1, out T u2);
        FieldOps<T>.Mul(p.Y, q.Z, out T s1);
        FieldOps<T>.Mul(s1, z2z2, out s1);
        FieldOps<T>.Mul(q.Y, p.Z, out T s2);
        FieldOps<T>.Mul(s2, z1z1, out s2);
        T.Sub(u2, u1, out T h);
        T.Sub(s2, s1, out T rr);
        if (h.IsZero)
        {
            if (rr.IsZero) { Double(p, out r); return; }
            r = Infinity;
            return;
        }
        T.Double(rr, out rr);
        T.Double(h, out T i);
        FieldOps<T>.Square(i, out i);
        FieldOps<T>.Mul(h, i, out T j);
        FieldOps<T>.Mul(u1, i, out T v);
        FieldOps<T>.Square(rr, out T x3);
        T.Sub(x3, j, out x3);
        T.Sub(x3, v, out x3);
        T.Sub(x3, v, out x3);
        T.Sub(v, x3, out T y3);
        FieldOps<T>.Mul(rr, y3, out y3);
        FieldOps<T>.Mul(s1, j, out T t);
        T.Double(t, out t);
        T.Sub(y3, t, out y3);
        T.Add(p.Z, q.Z, out T z3);
        FieldOps<T>.Square(z3, out z3);
        T.Sub(z3, z1z1, out z3);
        T.Sub(z3, z2z2, out z3);
        FieldOps<T>.Mul(z3, h, out z3);
        r = new JacobianPoint<T>(x3, y3, z3);
    }

    /// <summary>r = −p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in JacobianPoint<T> p, out JacobianPoint<T> r)
    {
        T.Neg(p.Y, out T y);
        r = new JacobianPoint<T>(p.X, y, p.Z);
    }

    /// <summary>Projective equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³; all identities are equal.</summary>
    public static bool AreEqual(in JacobianPoint<T> p, in JacobianPoint<T> q)
    {
        bool pInf = p.Z.IsZero, qInf = q.Z.IsZero;
        if (pInf || qInf) return pInf == qInf;
        FieldOps<T>.Square(p.Z, out T z1z1);
        FieldOps<T>.Square(q.Z, out T z2z2);
        FieldOps<T>.Mul(p.X, z2z2, out T u1);
        FieldOps<T>.Mul(q.X, z1z1, out T u2);
        if (u1 != u2) return false;
        FieldOps<T>.Mul(z1z1, p.Z, out T z1c);
        FieldOps<T>.Mul(z2z2, q.Z, out T z2c);
        FieldOps<T>.Mul(p.Y, z2c, out T s1);
        FieldOps<T>.Mul(q.Y, z1c, out T s2);
        return s1 == s2;
    }

    /// <summary>The affine coordinates ((0, 0) for the identity), with one inversion.</summary>
    public static void ToAffine(in JacobianPoint<T> p, out T x, out T y)
    {
        if (p.Z.IsZero) { x = T.Zero; y = T.Zero; return; }
        T.Inverse(p.Z, out T zInv);
        FromInverseZ(p, zInv, out x, out y);
    }

    /// <summary>The affine coordinates given 1/Z (zero for the identity gives (0, 0)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromInverseZ(in JacobianPoint<T> p, in T zInv, out T x, out T y)
    {
        FieldOps<T>.Square(zInv, out T zInv2);
        FieldOps<T>.Mul(p.X, zInv2, out x);
        FieldOps<T>.Mul(zInv2, zInv, out T zInv3);
        FieldOps<T>.Mul(p.Y, zInv3, out y);
    }

    /// <summary>Whether the point satisfies Y² = X³ + b·Z⁶ (the identity counts).</summary>
    public static bool IsOnCurve(in JacobianPoint<T> p, in T b)
    {
        if (p.Z.IsZero) return true;
        FieldOps<T>.Square(p.Y, out T lhs);
        FieldOps<T>.Square(p.X, out T x3);
        FieldOps<T>.Mul(x3, p.X, out x3);
        FieldOps<T>.Square(p.Z, out T z2);
        FieldOps<T>.Mul(z2, z2, out T z4);
        FieldOps<T>.Mul(z4, z2, out T z6);
        FieldOps<T>.Mul(z6, b, out T bz6);
        T.Add(x3, bz6, out T rhs);
        return lhs == rhs;
    }
}
