using static ZkInference.Field.Internal.X64.X64Register;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// The Miller loop's line steps on the twist generated as machine code (System V), the same formulas and the
/// same order of reads and writes as <c>LineFunctions</c>: T (homogeneous projective X, Y, Z over Fp2) is
/// updated in place and the line's three Fp2 coefficients (C0, C3, C4) are written out.
/// </summary>
internal static class LineKernel
{
    /// <summary>T = 2T and its tangent line, called as (t, line); <paramref name="threeB"/> is 3b' in Montgomery limbs (re then im).</summary>
    public static byte[] Double(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg, ReadOnlySpan<ulong> threeB)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.Save(Rbx, R12);
        k.BeginFrame();
        var p = new Fp2Program(k);
        Limbs x = new(Rdi, 0), y = x.Offset(2), z = x.Offset(4);
        Limbs c0 = new(Rsi, 0), c3 = c0.Offset(2), c4 = c0.Offset(4);
        Limbs b3 = p.NewFp2();
        k.Constant(b3, threeB[..4]);
        k.Constant(b3.Offset(1), threeB[4..]);
        Limbs a = p.NewFp2(), b = p.NewFp2(), c = p.NewFp2(), e = p.NewFp2(), f = p.NewFp2(), g = p.NewFp2();
        Limbs h = p.NewFp2(), bc = p.NewFp2(), j = p.NewFp2(), e2 = p.NewFp2(), t = p.NewFp2();

        p.Mul(a, x, y);
        p.Double(a, a);                 // 2XY
        p.Square(b, y);                 // B = Y²
        p.Square(c, z);                 // C = Z²
        p.Mul(e, c, b3);                // E = 3b'·C
        p.Double(f, e);
        p.Add(f, f, e);                 // F = 3E
        p.Add(g, b, f);                 // B + F
        p.Add(h, y, z);
        p.Square(h, h);
        p.Add(bc, b, c);
        p.Sub(h, h, bc);                // H = 2YZ
        p.Sub(c4, e, b);                // line C4 = I = E − B
        p.Square(j, x);                 // J = X²
        p.Square(e2, e);

        p.Sub(t, b, f);
        p.Mul(x, a, t);                 // X3 = 2XY(B − F)
        p.Square(t, g);
        p.Double(e, e2);
        p.Add(e, e, e2);
        p.Double(e, e);
        p.Double(e, e);                 // 12E²
        p.Sub(y, t, e);                 // Y3 = (B + F)² − 12E²
        p.Mul(t, b, h);
        p.Double(t, t);
        p.Double(z, t);                 // Z3 = 4B·H

        p.Neg(c0, h);                   // C0 = −H
        p.Double(t, j);
        p.Add(c3, t, j);                // C3 = 3J
        return k.Finish();
    }

    /// <summary>T = T + Q for affine Q ≠ ±T and the chord's line, called as (t, qx, qy, line).</summary>
    public static byte[] Add(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg)
    {
        var k = MontgomeryEmitter.WithFiveArguments(q0, q1, q2, q3, qInvNeg);
        var p = new Fp2Program(k);
        Limbs x = new(Rdi, 0), y = x.Offset(2), z = x.Offset(4), qx = new(Rsi, 0), qy = new(R13, 0);
        Limbs c0 = new(R14, 0), c3 = c0.Offset(2), c4 = c0.Offset(4);
        Limbs theta = p.NewFp2(), lambda = p.NewFp2(), c = p.NewFp2(), d = p.NewFp2(), e = p.NewFp2(), f = p.NewFp2();
        Limbs g = p.NewFp2(), h = p.NewFp2(), g2 = p.NewFp2(), ey = p.NewFp2(), y3 = p.NewFp2(), jj = p.NewFp2(), ly = p.NewFp2();

        p.Mul(theta, qy, z);
        p.Sub(theta, y, theta);         // θ = Y − yQ·Z
        p.Mul(lambda, qx, z);
        p.Sub(lambda, x, lambda);       // λ = X − xQ·Z
        p.Square(c, theta);
        p.Square(d, lambda);
        p.Mul(e, lambda, d);            // E = λ³
        p.Mul(f, z, c);                 // F = Z·θ²
        p.Mul(g, x, d);                 // G = X·λ²
        p.Add(h, e, f);
        p.Double(g2, g);
        p.Sub(h, h, g2);                // H = E + F − 2G

        p.Mul(ey, e, y);
        p.Mul(x, lambda, h);            // X3 = λH
        p.Sub(y3, g, h);
        p.Mul(y3, theta, y3);
        p.Sub(y, y3, ey);               // Y3 = θ(G − H) − E·Y
        p.Mul(z, z, e);                 // Z3 = Z·E

        p.Mul(jj, theta, qx);
        p.Mul(ly, lambda, qy);
        p.Sub(c4, jj, ly);              // C4 = J = θ·xQ − λ·yQ
        p.Neg(c3, theta);               // C3 = −θ
        p.Copy(lambda, c0);             // C0 = λ
        return k.Finish();
    }
}
