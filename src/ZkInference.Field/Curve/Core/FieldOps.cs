using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Multiplication and squaring for the generic curve code, dispatched to the out-of-line field products:
/// Fp.Mul is itself never inlined, and Fp2's products go through <see cref="Fp2Ops"/> (the tower's copies), so a
/// point formula with a dozen products stays small enough for the JIT to optimise fully.
/// typeof(T) tests are constants for struct instantiations, so the dispatch vanishes.
/// </summary>
internal static class FieldOps<T> where T : struct, IField<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in T a, in T b, out T r)
    {
        Unsafe.SkipInit(out r);
        if (typeof(T) == typeof(Fp)) Fp.Mul(As<Fp>(a), As<Fp>(b), out Unsafe.As<T, Fp>(ref r));
        else if (typeof(T) == typeof(Fp2)) Fp2Ops.Mul(As<Fp2>(a), As<Fp2>(b), out Unsafe.As<T, Fp2>(ref r));
        else T.Mul(a, b, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in T a, out T r)
    {
        Unsafe.SkipInit(out r);
        if (typeof(T) == typeof(Fp)) Fp.Square(As<Fp>(a), out Unsafe.As<T, Fp>(ref r));
        else if (typeof(T) == typeof(Fp2)) Fp2Ops.Square(As<Fp2>(a), out Unsafe.As<T, Fp2>(ref r));
        else T.Square(a, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly TField As<TField>(in T value) => ref Unsafe.As<T, TField>(ref Unsafe.AsRef(in value));
}
