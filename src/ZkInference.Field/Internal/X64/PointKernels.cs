namespace ZkInference.Field.Internal.X64;

/// <summary>
/// The generated Jacobian doubling and mixed addition for G1 (over Fp) and G2 (over Fp2), or null where the
/// field kernels are unavailable. Each must reproduce the managed formula on random coordinates (the
/// formulas are identities in them) before it is used.
/// </summary>
internal static unsafe class PointKernels
{
    /// <summary>G1 r = 2p, called as (r, p); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void> G1Double;

    /// <summary>G1 r = p + (x2, y2), called as (r, p, x2, y2), returning 0 when the managed path must redo it; or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, long> G1AddMixed;

    /// <summary>G2 r = 2p, called as (r, p); or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void> G2Double;

    /// <summary>G2 r = p + (x2, y2), called as (r, p, x2, y2), returning 0 when the managed path must redo it; or null.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, long> G2AddMixed;

    static PointKernels()
    {
        if (!NativeKernels.Fp2Active) return;
        if (Place(false, out var g1Double, out var g1Add) && Agree<Fp>(g1Double, g1Add, rng => Fp.Random(rng)))
        {
            G1Double = g1Double;
            G1AddMixed = g1Add;
        }
        if (Place(true, out var g2Double, out var g2Add) && Agree<Fp2>(g2Double, g2Add, rng => Fp2.Random(rng)))
        {
            G2Double = g2Double;
            G2AddMixed = g2Add;
        }
    }

    private static bool Place(bool overFp2,
        out delegate* unmanaged[SuppressGCTransition]<void*, void*, void> doubling,
        out delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, long> addition)
    {
        const ulong q0 = Fp.Q0, q1 = Fp.Q1, q2 = Fp.Q2, q3 = Fp.Q3, qInv = Fp.QInvNeg;
        doubling = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void>)ExecutableMemory.TryPlace(
            PointKernel.Double(q0, q1, q2, q3, qInv, overFp2));
        addition = (delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, long>)ExecutableMemory.TryPlace(
            PointKernel.AddMixed(q0, q1, q2, q3, qInv, overFp2));
        return doubling != null && addition != null;
    }

    private static bool Agree<T>(delegate* unmanaged[SuppressGCTransition]<void*, void*, void> doubling,
        delegate* unmanaged[SuppressGCTransition]<void*, void*, void*, void*, long> addition, Func<Random, T> random)
        where T : unmanaged, IField<T>
    {
        var rng = new Random(21);
        for (int n = 0; n < 16; n++)
        {
            var p = new JacobianPoint<T>(random(rng), random(rng), random(rng));
            T x2 = random(rng), y2 = random(rng);
            JacobianPoint<T>.DoubleManaged(p, out JacobianPoint<T> expected);
            JacobianPoint<T> r;
            doubling(&r, &p);
            if (!Same(r, expected)) return false;
            JacobianPoint<T>.AddMixedManaged(p, x2, y2, out expected);
            if (addition(&r, &p, &x2, &y2) == 0 || !Same(r, expected)) return false;
            // In place, and the H = 0 signal: adding p's own affine x (any y) must report zero.
            JacobianPoint<T> q = p;
            doubling(&q, &q);
            JacobianPoint<T>.DoubleManaged(p, out expected);
            if (!Same(q, expected)) return false;
            T.Square(p.Z, out T zz);
            T.Inverse(zz, out T zzInverse);
            T.Mul(p.X, zzInverse, out T sameX);
            if (addition(&r, &p, &sameX, &y2) != 0) return false;
        }
        return true;
    }

    private static bool Same<T>(in JacobianPoint<T> a, in JacobianPoint<T> b) where T : struct, IField<T> =>
        a.X.Equals(b.X) && a.Y.Equals(b.Y) && a.Z.Equals(b.Z);
}
