using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkInference.Field;

/// <summary>
/// A point (X : Y : Z) of the twist in homogeneous projective coordinates (x = X/Z, y = Y/Z):
/// the running point T of the Miller loop, updated without inversions.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct G2Projective
{
    public Fp2 X, Y, Z;

    public G2Projective(in G2Affine q)
    {
        X = q.X;
        Y = q.Y;
        Z = Fp2.One;
    }
}

/// <summary>
/// The P-independent part of a line: evaluated at P = (xP, yP) it is
/// C0·yP + C3·xP·w + C4·w³, the sparse Fp12 element <see cref="Fp12.MulBy034"/> takes.
/// </summary>
/// <remarks>
/// On the D-type twist ψ(x', y') = (x'·w², y'·w³), the line through ψ(T) with twist slope λ' is
/// yP − λ'·xP·w + (λ'·x' − y')·w³ (up to an Fp2 factor, which the final exponentiation kills).
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct LineCoeffs
{
    public readonly Fp2 C0, C3, C4;

    public LineCoeffs(in Fp2 c0, in Fp2 c3, in Fp2 c4)
    {
        C0 = c0;
        C3 = c3;
        C4 = c4;
    }
}

/// <summary>Doubling and addition steps on the twist that also return the line through the points (Costello–Lange–Naehrig 2010).</summary>
[SkipLocalsInit]
internal static class LineFunctions
{
    private static readonly Fp2 ThreeB = G2Affine.B + G2Affine.B + G2Affine.B;

    /// <summary>
    /// T = 2T; the tangent line at T, scaled by 2Y·Z and negated: (−2YZ, 3X², 3b'Z² − Y²).
    /// The point comes out multiplied by 4 (same projective point) to avoid two halvings:
    /// X3 = 2XY(B − F), Y3 = (B + F)² − 12E², Z3 = 4B·H with B = Y², E = 3b'Z², F = 3E, H = 2YZ.
    /// </summary>
    public static unsafe void Double(ref G2Projective t, out LineCoeffs line)
    {
        var kernel = Internal.X64.TowerKernels.LineDouble;
        if (kernel == null)
        {
            DoubleManaged(ref t, out line);
            return;
        }
        Unsafe.SkipInit(out line);
        fixed (G2Projective* pt = &t)
        fixed (LineCoeffs* pl = &line)
            kernel(pt, pl);
    }

    /// <summary>The managed path of <see cref="Double"/>.</summary>
    internal static void DoubleManaged(ref G2Projective t, out LineCoeffs line)
    {
        Fp2Ops.Mul(t.X, t.Y, out Fp2 a);
        Fp2Ops.Double(a, out a);                   // 2XY
        Fp2Ops.Square(t.Y, out Fp2 b);             // B = Y²
        Fp2Ops.Square(t.Z, out Fp2 c);             // C = Z²
        Fp2Ops.Mul(c, ThreeB, out Fp2 e);          // E = 3b'·C
        Fp2Ops.Double(e, out Fp2 f);
        Fp2Ops.Add(f, e, out f);                   // F = 3E
        Fp2Ops.Add(b, f, out Fp2 g);               // B + F
        Fp2Ops.Add(t.Y, t.Z, out Fp2 h);
        Fp2Ops.Square(h, out h);
        Fp2Ops.Add(b, c, out Fp2 bc);
        Fp2Ops.Sub(h, bc, out h);                  // H = (Y + Z)² − B − C = 2YZ
        Fp2Ops.Sub(e, b, out Fp2 i);               // I = E − B
        Fp2Ops.Square(t.X, out Fp2 j);             // J = X²
        Fp2Ops.Square(e, out Fp2 e2);

        Fp2Ops.Sub(b, f, out Fp2 x3);
        Fp2Ops.Mul(a, x3, out t.X);                // X3 = 2XY(B − F)
        Fp2Ops.Square(g, out Fp2 y3);
        Fp2Ops.Double(e2, out Fp2 e12);
        Fp2Ops.Add(e12, e2, out e12);
        Fp2Ops.Double(e12, out e12);
        Fp2Ops.Double(e12, out e12);               // 12E²
        Fp2Ops.Sub(y3, e12, out t.Y);              // Y3 = (B + F)² − 12E²
        Fp2Ops.Mul(b, h, out Fp2 z3);
        Fp2Ops.Double(z3, out z3);
        Fp2Ops.Double(z3, out t.Z);                // Z3 = 4B·H

        Fp2Ops.Neg(h, out Fp2 l0);
        Fp2Ops.Double(j, out Fp2 l3);
        Fp2Ops.Add(l3, j, out l3);
        line = new LineCoeffs(l0, l3, i);
    }

    /// <summary>T = T + Q for affine Q ≠ ±T; the chord through T and Q scaled by X − xQ·Z: (λ, −θ, θ·xQ − λ·yQ).</summary>
    public static unsafe void Add(ref G2Projective t, in Fp2 qx, in Fp2 qy, out LineCoeffs line)
    {
        var kernel = Internal.X64.TowerKernels.LineAdd;
        if (kernel == null)
        {
            AddManaged(ref t, qx, qy, out line);
            return;
        }
        Unsafe.SkipInit(out line);
        fixed (G2Projective* pt = &t)
        fixed (Fp2* px = &qx, py = &qy)
        fixed (LineCoeffs* pl = &line)
            kernel(pt, px, py, pl);
    }

    /// <summary>The managed path of <see cref="Add"/>.</summary>
    internal static void AddManaged(ref G2Projective t, in Fp2 qx, in Fp2 qy, out LineCoeffs line)
    {
        Fp2Ops.Mul(qy, t.Z, out Fp2 theta);
        Fp2Ops.Sub(t.Y, theta, out theta);         // θ = Y − yQ·Z
        Fp2Ops.Mul(qx, t.Z, out Fp2 lambda);
        Fp2Ops.Sub(t.X, lambda, out lambda);       // λ = X − xQ·Z
        Fp2Ops.Square(theta, out Fp2 c);
        Fp2Ops.Square(lambda, out Fp2 d);
        Fp2Ops.Mul(lambda, d, out Fp2 e);          // E = λ³
        Fp2Ops.Mul(t.Z, c, out Fp2 f);             // F = Z·θ²
        Fp2Ops.Mul(t.X, d, out Fp2 g);             // G = X·λ²
        Fp2Ops.Add(e, f, out Fp2 h);
        Fp2Ops.Double(g, out Fp2 g2);
        Fp2Ops.Sub(h, g2, out h);                  // H = E + F − 2G

        Fp2Ops.Mul(e, t.Y, out Fp2 ey);
        Fp2Ops.Mul(lambda, h, out t.X);            // X3 = λH
        Fp2Ops.Sub(g, h, out Fp2 y3);
        Fp2Ops.Mul(theta, y3, out y3);
        Fp2Ops.Sub(y3, ey, out t.Y);               // Y3 = θ(G − H) − E·Y
        Fp2Ops.Mul(t.Z, e, out t.Z);               // Z3 = Z·E

        Fp2Ops.Mul(theta, qx, out Fp2 j);
        Fp2Ops.Mul(lambda, qy, out Fp2 ly);
        Fp2Ops.Sub(j, ly, out j);                  // J = θ·xQ − λ·yQ
        Fp2Ops.Neg(theta, out Fp2 l3);
        line = new LineCoeffs(lambda, l3, j);
    }
}
