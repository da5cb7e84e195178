using System.Numerics;
using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// An element of GT, the order-r subgroup of Fp12* where pairings land. Values come only from
/// <see cref="Pairing"/> (or from <see cref="One"/> and the group operations), so they always lie in
/// the cyclotomic subgroup, which makes inversion a conjugation and squaring cheap.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Gt : IEquatable<Gt>
{
    internal readonly Fp12 Value;

    internal Gt(in Fp12 value) => Value = value;

    /// <summary>The identity.</summary>
    public static Gt One => new(Fp12.One);

    /// <summary>Whether this is the identity.</summary>
    public bool IsOne => Value.IsOne;

    /// <summary>r = a·b.</summary>
    public static void Mul(in Gt a, in Gt b, out Gt r)
    {
        Fp12.Mul(a.Value, b.Value, out Fp12 v);
        r = new Gt(v);
    }

    /// <summary>r = a⁻¹ (a conjugation: GT lies in the unitary group).</summary>
    public static void Inverse(in Gt a, out Gt r)
    {
        Fp12.Conjugate(a.Value, out Fp12 v);
        r = new Gt(v);
    }

    /// <summary>r = a^e for a scalar e in Fr (the exponent group of GT).</summary>
    public static void Pow(in Gt a, in Fr e, out Gt r)
    {
        e.ToCanonical(out ulong c0, out ulong c1, out ulong c2, out ulong c3);
        ReadOnlySpan<ulong> limbs = [c0, c1, c2, c3];
        Fp12.CyclotomicPow(a.Value, limbs, out Fp12 v);
        r = new Gt(v);
    }

    /// <summary>a^e for any integer e (negative exponents invert; e is effectively taken mod r).</summary>
    public static Gt Pow(in Gt a, BigInteger e)
    {
        BigInteger m = BigInteger.Remainder(e, Fr.Modulus);
        if (m.Sign < 0) m += Fr.Modulus;
        Pow(a, Fr.FromBigInteger(m), out Gt r);
        return r;
    }

    /// <summary>Product.</summary>
    public static Gt operator *(in Gt a, in Gt b) { Mul(a, b, out Gt r); return r; }

    /// <summary>Equality.</summary>
    public static bool operator ==(in Gt a, in Gt b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(in Gt a, in Gt b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(Gt other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Gt other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The twelve Fp coefficients, for diagnostics.</summary>
    public override string ToString() => Value.ToString();
}
