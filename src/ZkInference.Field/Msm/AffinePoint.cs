using System.Runtime.InteropServices;

namespace ZkInference.Field.Internal;

/// <summary>An affine point (x, y), (0, 0) the identity: the layout of <see cref="G1Affine"/> and <see cref="G2Affine"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct AffinePoint<T> where T : unmanaged, IField<T>
{
    public T X, Y;

    public readonly bool IsInfinity => X.IsZero && Y.IsZero;
}
