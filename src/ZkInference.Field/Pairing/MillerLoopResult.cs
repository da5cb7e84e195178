using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// The output of a Miller loop before the final exponentiation. Results of several loops (for
/// example over prepared and unprepared points) multiply together, and one
/// <see cref="Pairing.FinalExponentiation"/> finishes them all.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct MillerLoopResult
{
    internal readonly Fp12 Value;

    internal MillerLoopResult(in Fp12 value) => Value = value;

    /// <summary>The empty product.</summary>
    public static MillerLoopResult One => new(Fp12.One);

    /// <summary>Product: the Miller loop value of the union of both sets of pairs.</summary>
    public static MillerLoopResult operator *(in MillerLoopResult a, in MillerLoopResult b)
    {
        Fp12.Mul(a.Value, b.Value, out Fp12 v);
        return new MillerLoopResult(v);
    }
}
