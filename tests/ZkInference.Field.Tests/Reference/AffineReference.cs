using System.Numerics;

namespace ZkInference.Field.Tests.Reference;

/// <summary>
/// Textbook affine short-Weierstrass arithmetic (y² = x³ + b), written independently of the library's
/// curve code so it can serve as the oracle for it: slow, simple, obviously right.
/// A point is (x, y, isInfinity).
/// </summary>
public static class AffineReference<T> where T : struct, IField<T>
{
    public readonly record struct Point(T X, T Y, bool Infinity)
    {
        public static Point Identity => new(T.Zero, T.Zero, true);
    }

    public static Point Add(Point p, Point q)
    {
        if (p.Infinity) return q;
        if (q.Infinity) return p;
        if (p.X == q.X)
        {
            if (p.Y == q.Y && !p.Y.IsZero) return Double(p);
            return Point.Identity;
        }
        T.Inverse(q.X - p.X, out T inv);
        T lambda = (q.Y - p.Y) * inv;
        T x = lambda * lambda - p.X - q.X;
        T y = lambda * (p.X - x) - p.Y;
        return new Point(x, y, false);
    }

    public static Point Double(Point p)
    {
        if (p.Infinity || p.Y.IsZero) return Point.Identity;
        T three = T.One + T.One + T.One;
        T.Inverse(p.Y + p.Y, out T inv);
        T lambda = three * p.X * p.X * inv;
        T x = lambda * lambda - p.X - p.X;
        T y = lambda * (p.X - x) - p.Y;
        return new Point(x, y, false);
    }

    public static Point Negate(Point p) => p.Infinity ? p : new Point(p.X, -p.Y, false);

    /// <summary>k·P by double-and-add; negative k negates.</summary>
    public static Point Mul(Point p, BigInteger k)
    {
        if (k.Sign < 0) return Mul(Negate(p), -k);
        Point acc = Point.Identity;
        for (long i = (long)k.GetBitLength() - 1; i >= 0; i--)
        {
            acc = Double(acc);
            if (!(k >> (int)i).IsEven) acc = Add(acc, p);
        }
        return acc;
    }
}

/// <summary>Conversions between the library's affine points and the reference points.</summary>
public static class ReferencePoints
{
    public static AffineReference<Fp>.Point From(G1Affine p) => new(p.X, p.Y, p.IsInfinity);

    public static AffineReference<Fp2>.Point From(G2Affine p) => new(p.X, p.Y, p.IsInfinity);

    public static G1Affine ToG1(AffineReference<Fp>.Point p) => p.Infinity ? G1Affine.Infinity : new G1Affine(p.X, p.Y);

    public static G2Affine ToG2(AffineReference<Fp2>.Point p) => p.Infinity ? G2Affine.Infinity : new G2Affine(p.X, p.Y);

    /// <summary>The group order r (= Fr's modulus).</summary>
    public static BigInteger Order => Fr.Modulus;
}
