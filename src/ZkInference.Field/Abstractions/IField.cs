namespace ZkInference.Field;

/// <summary>
/// A field element type with an allocation-free static core. Generic code (tests, polynomial
/// arithmetic, the tower) is written once against this; hot loops use the concrete types.
/// </summary>
/// <typeparam name="T">The implementing struct.</typeparam>
public interface IField<T> : IEquatable<T> where T : struct, IField<T>
{
    /// <summary>The additive identity.</summary>
    static abstract T Zero { get; }

    /// <summary>The multiplicative identity.</summary>
    static abstract T One { get; }

    /// <summary>Whether this is zero.</summary>
    bool IsZero { get; }

    /// <summary>Whether this is one.</summary>
    bool IsOne { get; }

    /// <summary>r = a + b.</summary>
    static abstract void Add(in T a, in T b, out T r);

    /// <summary>r = a − b.</summary>
    static abstract void Sub(in T a, in T b, out T r);

    /// <summary>r = a·b.</summary>
    static abstract void Mul(in T a, in T b, out T r);

    /// <summary>r = a².</summary>
    static abstract void Square(in T a, out T r);

    /// <summary>r = 2a.</summary>
    static abstract void Double(in T a, out T r);

    /// <summary>r = −a.</summary>
    static abstract void Neg(in T a, out T r);

    /// <summary>r = a⁻¹, zero for zero.</summary>
    static abstract void Inverse(in T a, out T r);

    /// <summary>A uniformly random element.</summary>
    static abstract T Random(Random rng);

    /// <summary>Sum.</summary>
    static abstract T operator +(in T a, in T b);

    /// <summary>Difference.</summary>
    static abstract T operator -(in T a, in T b);

    /// <summary>Negation.</summary>
    static abstract T operator -(in T a);

    /// <summary>Product.</summary>
    static abstract T operator *(in T a, in T b);

    /// <summary>Equality.</summary>
    static abstract bool operator ==(in T a, in T b);

    /// <summary>Inequality.</summary>
    static abstract bool operator !=(in T a, in T b);
}

/// <summary>A prime field Z/qZ of at most 256 bits.</summary>
/// <typeparam name="T">The implementing struct.</typeparam>
public interface IPrimeField<T> : IField<T> where T : struct, IPrimeField<T>
{
    /// <summary>The modulus q.</summary>
    static abstract System.Numerics.BigInteger Modulus { get; }

    /// <summary>The element equal to value mod q.</summary>
    static abstract T FromBigInteger(System.Numerics.BigInteger value);

    /// <summary>The element equal to value.</summary>
    static abstract T FromUInt64(ulong value);

    /// <summary>The canonical value in [0, q).</summary>
    System.Numerics.BigInteger ToBigInteger();
}
