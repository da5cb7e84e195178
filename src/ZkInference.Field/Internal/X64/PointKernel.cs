using static ZkInference.Field.Internal.X64.X64Register;

namespace ZkInference.Field.Internal.X64;

/// <summary>
/// Jacobian point steps on y² = x³ + b generated as machine code (System V) over Fp (G1) or Fp2 (G2), the same
/// formulas as <c>JacobianPoint&lt;T&gt;</c>: a point is X, Y, Z consecutive. Results are built in scratch and
/// stored last, so the result may alias an input.
/// </summary>
internal static class PointKernel
{
    /// <summary>r = 2p ("dbl-2009-l", a = 0), called as (r, p). Branch-free: Z = 0 stays 0.</summary>
    public static byte[] Double(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg, bool overFp2)
    {
        var k = new MontgomeryEmitter(q0, q1, q2, q3, qInvNeg);
        k.Save(Rbx, R12);
        k.BeginFrame();
        IFieldProgram f = overFp2 ? new Fp2Program(k) : new FpProgram(k);
        int e = f.Elements;
        Limbs x = new(Rsi, 0), y = x.Offset(e), z = x.Offset(2 * e), r = new(Rdi, 0);
        Limbs a = f.NewValue(), b = f.NewValue(), c = f.NewValue(), d = f.NewValue(), t = f.NewValue();
        Limbs x3 = f.NewValue(), y3 = f.NewValue(), z3 = f.NewValue();
        f.Square(a, x);
        f.Square(b, y);
        f.Square(c, b);
        f.Add(d, x, b);
        f.Square(d, d);
        f.Sub(d, d, a);
        f.Sub(d, d, c);
        f.Double(d, d);             // D = 2((X + B)² − A − C)
        f.Double(t, a);
        f.Add(a, t, a);             // E = 3A (in a)
        f.Square(t, a);             // F = E²
        f.Mul(z3, y, z);
        f.Double(z3, z3);           // Z3 = 2YZ
        f.Double(x3, d);
        f.Sub(x3, t, x3);           // X3 = F − 2D
        f.Sub(y3, d, x3);
        f.Mul(y3, a, y3);
        f.Double(c, c);
        f.Double(c, c);
        f.Double(c, c);
        f.Sub(y3, y3, c);           // Y3 = E(D − X3) − 8C
        StorePoint(f, x3, y3, z3, r);
        return k.Finish();
    }

    /// <summary>
    /// r = p + (x2, y2) for an affine point ("madd-2007-bl"), called as (r, p, x2, y2). Only the general case:
    /// it returns zero when H = x2·Z² − X is zero (p = ±(x2, y2)), and the caller must then take the managed
    /// path; the caller also handles p or (x2, y2) being the identity.
    /// </summary>
    public static byte[] AddMixed(ulong q0, ulong q1, ulong q2, ulong q3, ulong qInvNeg, bool overFp2)
    {
        var k = MontgomeryEmitter.WithFiveArguments(q0, q1, q2, q3, qInvNeg);
        IFieldProgram f = overFp2 ? new Fp2Program(k) : new FpProgram(k);
        int e = f.Elements;
        Limbs x = new(Rsi, 0), y = x.Offset(e), z = x.Offset(2 * e), px = new(R13, 0), py = new(R14, 0), r = new(Rdi, 0);
        Limbs z1z1 = f.NewValue(), u2 = f.NewValue(), s2 = f.NewValue(), h = f.NewValue(), rr = f.NewValue();
        Limbs hh = f.NewValue(), i = f.NewValue(), j = f.NewValue(), v = f.NewValue(), t = f.NewValue();
        Limbs x3 = f.NewValue(), y3 = f.NewValue(), z3 = f.NewValue(), flag = k.NewElement();
        f.Square(z1z1, z);
        f.Mul(u2, px, z1z1);
        f.Mul(s2, py, z);
        f.Mul(s2, s2, z1z1);
        f.Sub(h, u2, x);
        f.Sub(rr, s2, y);
        k.Zero(flag);
        f.OrInto(flag, h);          // the return value: non-zero unless H = 0
        f.Double(rr, rr);
        f.Square(hh, h);
        f.Double(i, hh);
        f.Double(i, i);
        f.Mul(j, h, i);
        f.Mul(v, x, i);
        f.Square(x3, rr);
        f.Sub(x3, x3, j);
        f.Sub(x3, x3, v);
        f.Sub(x3, x3, v);           // X3 = r² − J − 2V
        f.Sub(y3, v, x3);
        f.Mul(y3, rr, y3);
        f.Mul(t, y, j);
        f.Double(t, t);
        f.Sub(y3, y3, t);           // Y3 = r(V − X3) − 2Y·J
        f.Add(z3, z, h);
        f.Square(z3, z3);
        f.Sub(z3, z3, z1z1);
        f.Sub(z3, z3, hh);          // Z3 = (Z + H)² − Z1Z1 − HH
        StorePoint(f, x3, y3, z3, r);
        k.ReturnValue(flag);
        return k.Finish();
    }

    private static void StorePoint(IFieldProgram f, Limbs x3, Limbs y3, Limbs z3, Limbs r)
    {
        // A value is e consecutive four-limb elements; copy them one by one.
        int e = f.Elements;
        Limbs[] from = [x3, y3, z3];
        for (int c = 0; c < 3; c++)
            for (int g = 0; g < e; g++)
                f.CopyElement(from[c].Offset(g), r.Offset(c * e + g));
    }
}
