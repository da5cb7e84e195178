using System.Runtime.CompilerServices;

namespace ZkInference.Field.Internal;

/// <summary>
/// Multiplication and squaring for the curve code, called out of line. Fp.Mul is marked for aggressive
/// inlining; a point formula with a dozen of them exhausts the JIT's inlining budget part-way through a
/// multiplication, leaving calls to its limb helpers (measured: several times slower). Calling one compact,
/// fully inlined copy per operation costs a few nanoseconds and keeps every formula fast.
/// Additions stay inlined. typeof(T) tests are constants for struct instantiations, so the dispatch vanishes.
/// </summary>
internal static class FieldOps<T> where T : struct, IField<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in T a, in T b, out T r)
    {
        Unsafe.SkipInit(out r);
        if (typeof(T) == typeof(Fp)) OutOfLine.Mul(As<Fp>(a), As<Fp>(b), out Unsafe.As<T, Fp>(ref r));
        else if (typeof(T) == typeof(Fp2)) OutOfLine.Mul(As<Fp2>(a), As<Fp2>(b), out Unsafe.As<T, Fp2>(ref r));
        else T.Mul(a, b, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in T a, out T r)
    {
        Unsafe.SkipInit(out r);
        if (typeof(T) == typeof(Fp)) OutOfLine.Square(As<Fp>(a), out Unsafe.As<T, Fp>(ref r));
        else if (typeof(T) == typeof(Fp2)) OutOfLine.Square(As<Fp2>(a), out Unsafe.As<T, Fp2>(ref r));
        else T.Square(a, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly TField As<TField>(in T value) => ref Unsafe.As<T, TField>(ref Unsafe.AsRef(in value));
}

/// <summary>Non-inlined wrappers: each compiles to one fully inlined field operation.</summary>
internal static class OutOfLine
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Mul(in Fp a, in Fp b, out Fp r) => Fp.Mul(a, b, out r);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Square(in Fp a, out Fp r) => Fp.Square(a, out r);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Mul(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        // Karatsuba with out-of-line Fp products, for the same budget reason.
        Mul(a.A0, b.A0, out Fp v0);
        Mul(a.A1, b.A1, out Fp v1);
        Fp.Add(a.A0, a.A1, out Fp sa);
        Fp.Add(b.A0, b.A1, out Fp sb);
        Mul(sa, sb, out Fp cross);
        Fp.Sub(cross, v0, out cross);
        Fp.Sub(cross, v1, out cross);
        Fp.Sub(v0, v1, out Fp real);
        r = new Fp2(real, cross);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Square(in Fp2 a, out Fp2 r)
    {
        Fp.Add(a.A0, a.A1, out Fp s);
        Fp.Sub(a.A0, a.A1, out Fp d);
        Mul(a.A0, a.A1, out Fp m);
        Mul(s, d, out Fp real);
        Fp.Double(m, out Fp imag);
        r = new Fp2(real, imag);
    }
}
