using System.Buffers;

namespace ZkInference.Field.Internal;

/// <summary>Montgomery's trick for any field: n inversions for one inversion and 3(n − 1) products.</summary>
internal static class BatchInversion
{
    /// <summary>Replaces every non-zero value by its inverse (zeros stay zero), using <paramref name="scratch"/> (≥ values.Length).</summary>
    public static void InvertInPlace<T>(Span<T> values, Span<T> scratch) where T : struct, IField<T>
    {
        T acc = T.One;
        for (int i = 0; i < values.Length; i++)
        {
            scratch[i] = acc;
            if (!values[i].IsZero) FieldOps<T>.Mul(acc, values[i], out acc);
        }
        T.Inverse(acc, out T inv);
        for (int i = values.Length - 1; i >= 0; i--)
        {
            T v = values[i];
            if (v.IsZero) continue;
            FieldOps<T>.Mul(scratch[i], inv, out values[i]);
            FieldOps<T>.Mul(inv, v, out inv);
        }
    }

    /// <summary>Converts Jacobian points to affine (x, y) pairs with one shared inversion.</summary>
    public static void ToAffine<T>(ReadOnlySpan<JacobianPoint<T>> points, Span<T> xs, Span<T> ys) where T : struct, IField<T>
    {
        int n = points.Length;
        T[] rented = ArrayPool<T>.Shared.Rent(2 * n);
        try
        {
            Span<T> zs = rented.AsSpan(0, n);
            for (int i = 0; i < n; i++) zs[i] = points[i].Z;
            InvertInPlace(zs, rented.AsSpan(n, n));
            for (int i = 0; i < n; i++)
            {
                if (points[i].IsInfinity) { xs[i] = T.Zero; ys[i] = T.Zero; continue; }
                JacobianPoint<T>.FromInverseZ(points[i], zs[i], out xs[i], out ys[i]);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }
}
