using System.Runtime.CompilerServices;

namespace ZkInference.Field;

/// <summary>
/// The Miller loop's doubling and addition steps (<see cref="LineFunctions"/>, same formulas and results)
/// for eight twist points at once in <see cref="Fp2Columns"/>: T is X, Y, Z (48 Fp: three Fp2 columns),
/// a line is C0, C3, C4 (48 Fp). Columns the caller does not use just compute garbage of their own.
/// </summary>
[SkipLocalsInit]
internal static unsafe class LineColumns
{
    /// <summary>Fp in a block of eight points or lines.</summary>
    public const int BlockSize = 3 * Fp2Columns.Size;

    private const int S = Fp2Columns.Size;

    // 3b' in every column, pinned for the lifetime of the process (a constant operand of Mul8).
    private static readonly Fp[] ThreeBColumns = MakeThreeB();

    private static Fp[] MakeThreeB()
    {
        Fp[] a = GC.AllocateArray<Fp>(S, pinned: true);
        Fp2 threeB = G2Affine.B + G2Affine.B + G2Affine.B;
        fixed (Fp* p = a) Fp2Columns.Broadcast(p, threeB);
        return a;
    }

    /// <summary>T = 2T for each column, with its tangent line (−2YZ, 3X², 3b'Z² − Y²), as <see cref="LineFunctions.Double"/>.</summary>
    public static void Double(Fp* t, Fp* line)
    {
        Fp* x = t, y = t + S, z = t + 2 * S;
        Fp* w = stackalloc Fp[11 * S];
        Fp* a = w, b = w + S, c = w + 2 * S, e = w + 3 * S, f = w + 4 * S, g = w + 5 * S;
        Fp* h = w + 6 * S, j = w + 7 * S, e2 = w + 8 * S, u = w + 9 * S, v = w + 10 * S;
        Fp* threeB = (Fp*)Unsafe.AsPointer(ref ThreeBColumns[0]);

        Fp2Columns.Mul(x, y, a);
        Fp2Columns.Double(a, a);              // 2XY
        Fp2Columns.Square(y, b);              // B = Y²
        Fp2Columns.Square(z, c);              // C = Z²
        Fp2Columns.Add(y, z, h);
        Fp2Columns.Square(h, h);
        Fp2Columns.Square(x, j);              // J = X²
        Fp2Columns.Mul(c, threeB, e);         // E = 3b'·C
        Fp2Columns.Double(e, f);
        Fp2Columns.Add(f, e, f);              // F = 3E
        Fp2Columns.Add(b, f, g);              // B + F
        Fp2Columns.Add(b, c, u);
        Fp2Columns.Sub(h, u, h);              // H = 2YZ
        Fp2Columns.Sub(e, b, line + 2 * S);   // line C4 = E − B
        Fp2Columns.Square(e, e2);

        Fp2Columns.Sub(b, f, u);
        Fp2Columns.Mul(a, u, x);              // X3 = 2XY(B − F)
        Fp2Columns.Square(g, u);
        Fp2Columns.Double(e2, v);
        Fp2Columns.Add(v, e2, v);
        Fp2Columns.Double(v, v);
        Fp2Columns.Double(v, v);              // 12E²
        Fp2Columns.Sub(u, v, y);              // Y3 = (B + F)² − 12E²
        Fp2Columns.Mul(b, h, u);
        Fp2Columns.Double(u, u);
        Fp2Columns.Double(u, z);              // Z3 = 4B·H

        Fp2Columns.Neg(h, line);              // C0 = −H
        Fp2Columns.Double(j, u);
        Fp2Columns.Add(u, j, line + S);       // C3 = 3J
    }

    /// <summary>T = T + Q for each column (Q affine, ≠ ±T), with the chord (λ, −θ, θ·xQ − λ·yQ), as <see cref="LineFunctions.Add"/>.</summary>
    public static void Add(Fp* t, Fp* qx, Fp* qy, Fp* line)
    {
        Fp* x = t, y = t + S, z = t + 2 * S;
        Fp* w = stackalloc Fp[10 * S];
        Fp* theta = w, lambda = w + S, c = w + 2 * S, d = w + 3 * S, e = w + 4 * S;
        Fp* f = w + 5 * S, g = w + 6 * S, h = w + 7 * S, u = w + 8 * S, v = w + 9 * S;

        Fp2Columns.Mul(qy, z, theta);
        Fp2Columns.Sub(y, theta, theta);      // θ = Y − yQ·Z
        Fp2Columns.Mul(qx, z, lambda);
        Fp2Columns.Sub(x, lambda, lambda);    // λ = X − xQ·Z
        Fp2Columns.Square(theta, c);
        Fp2Columns.Square(lambda, d);
        Fp2Columns.Mul(lambda, d, e);         // E = λ³
        Fp2Columns.Mul(z, c, f);              // F = Z·θ²
        Fp2Columns.Mul(x, d, g);              // G = X·λ²
        Fp2Columns.Add(e, f, h);
        Fp2Columns.Double(g, u);
        Fp2Columns.Sub(h, u, h);              // H = E + F − 2G

        Fp2Columns.Mul(e, y, u);              // E·Y
        Fp2Columns.Mul(lambda, h, x);         // X3 = λH
        Fp2Columns.Sub(g, h, v);
        Fp2Columns.Mul(theta, v, v);
        Fp2Columns.Sub(v, u, y);              // Y3 = θ(G − H) − E·Y
        Fp2Columns.Mul(z, e, z);              // Z3 = Z·E

        Fp2Columns.Mul(theta, qx, u);
        Fp2Columns.Mul(lambda, qy, v);
        Fp2Columns.Sub(u, v, line + 2 * S);   // C4 = θ·xQ − λ·yQ
        Fp2Columns.Neg(theta, line + S);      // C3 = −θ
        Unsafe.CopyBlock(line, lambda, S * (uint)sizeof(Fp)); // C0 = λ
    }
}
