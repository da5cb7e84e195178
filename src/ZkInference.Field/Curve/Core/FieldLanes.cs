using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Eight products at once for the generic curve code: <see cref="Fp.Mul8"/> for Fp, <see cref="Fp2Lanes"/> for
/// Fp2 (typeof(T) tests are constants for struct instantiations, so the dispatch vanishes). Callers check
/// <see cref="IsSupported"/> and otherwise use their scalar path.
/// </summary>
internal static unsafe class FieldLanes<T> where T : unmanaged, IField<T>
{
    /// <summary>Whether eight-lane products exist for T on this machine.</summary>
    public static bool IsSupported => Lanes8.IsSupported && (typeof(T) == typeof(Fp) || typeof(T) == typeof(Fp2));

    /// <summary>r[k] = a[k]·b[k] for k &lt; 8; any of a, b, r may be the same array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul8(T* a, T* b, T* r)
    {
        if (typeof(T) == typeof(Fp)) Fp.Mul8((Fp*)a, (Fp*)b, (Fp*)r);
        else if (typeof(T) == typeof(Fp2)) Fp2Lanes.Mul((Fp2*)a, (Fp2*)b, (Fp2*)r, 8);
        else for (int k = 0; k < 8; k++) T.Mul(a[k], b[k], out r[k]);
    }

    /// <summary>r[k] = a[k]² for k &lt; 8; r may be a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square8(T* a, T* r)
    {
        if (typeof(T) == typeof(Fp)) Fp.Mul8((Fp*)a, (Fp*)a, (Fp*)r);
        else if (typeof(T) == typeof(Fp2)) Fp2Lanes.Square((Fp2*)a, (Fp2*)r, 8);
        else for (int k = 0; k < 8; k++) T.Square(a[k], out r[k]);
    }
}
