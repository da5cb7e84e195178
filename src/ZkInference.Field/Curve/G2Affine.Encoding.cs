namespace ZkInference.Field;

public readonly partial struct G2Affine
{
    /// <summary>Bytes of the fixed-size encodings (EVM and snarkjs binary): four 32-byte Fp values.</summary>
    public const int SizeInBytes = 4 * Fp.SizeInBytes;

    private const int W = Fp.SizeInBytes;

    /// <summary>
    /// Writes the EVM encoding (EIP-197): x.c1, x.c0, y.c1, y.c0 (imaginary part first), each 32 bytes
    /// big-endian; the identity is all zeros.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="SizeInBytes"/>.</exception>
    public void WriteBigEndian(Span<byte> destination)
    {
        CheckLength(destination.Length);
        X.A1.WriteBigEndian(destination);
        X.A0.WriteBigEndian(destination[W..]);
        Y.A1.WriteBigEndian(destination[(2 * W)..]);
        Y.A0.WriteBigEndian(destination[(3 * W)..]);
    }

    /// <summary>
    /// Reads the EVM encoding: exactly 128 bytes, every value below p, and either all zeros (the identity) or
    /// a point on the twist that — when <paramref name="checkSubgroup"/> is true, as untrusted input requires —
    /// is also in G2. Never throws.
    /// </summary>
    public static bool TryReadBigEndian(ReadOnlySpan<byte> source, out G2Affine point, bool checkSubgroup = true)
    {
        point = default;
        if (source.Length != SizeInBytes) return false;
        if (!Fp.TryReadBigEndian(source[..W], out Fp x1) || !Fp.TryReadBigEndian(source[W..(2 * W)], out Fp x0)
            || !Fp.TryReadBigEndian(source[(2 * W)..(3 * W)], out Fp y1) || !Fp.TryReadBigEndian(source[(3 * W)..], out Fp y0)) return false;
        return Accept(new G2Affine(new Fp2(x0, x1), new Fp2(y0, y1)), checkSubgroup, out point);
    }

    /// <summary>Writes the snarkjs binary ("LEM") encoding: x.c0, x.c1, y.c0, y.c1, each Montgomery form, 32 bytes little-endian; the identity is all zeros.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="SizeInBytes"/>.</exception>
    public void WriteMontgomeryLittleEndian(Span<byte> destination)
    {
        CheckLength(destination.Length);
        X.A0.WriteMontgomeryLittleEndian(destination);
        X.A1.WriteMontgomeryLittleEndian(destination[W..]);
        Y.A0.WriteMontgomeryLittleEndian(destination[(2 * W)..]);
        Y.A1.WriteMontgomeryLittleEndian(destination[(3 * W)..]);
    }

    /// <summary>
    /// Reads the snarkjs binary ("LEM") encoding: exactly 128 bytes, values below p, identity or on the twist,
    /// and in G2 when <paramref name="checkSubgroup"/> is true. Never throws.
    /// </summary>
    public static bool TryReadMontgomeryLittleEndian(ReadOnlySpan<byte> source, out G2Affine point, bool checkSubgroup = true)
    {
        point = default;
        if (source.Length != SizeInBytes) return false;
        if (!Fp.TryReadMontgomeryLittleEndian(source[..W], out Fp x0) || !Fp.TryReadMontgomeryLittleEndian(source[W..(2 * W)], out Fp x1)
            || !Fp.TryReadMontgomeryLittleEndian(source[(2 * W)..(3 * W)], out Fp y0)
            || !Fp.TryReadMontgomeryLittleEndian(source[(3 * W)..], out Fp y1)) return false;
        return Accept(new G2Affine(new Fp2(x0, x1), new Fp2(y0, y1)), checkSubgroup, out point);
    }

    /// <summary>
    /// The snarkjs JSON form: [["x.c0", "x.c1"], ["y.c0", "y.c1"], ["1", "0"]] (c0 is the real part), or
    /// [["0", "0"], ["1", "0"], ["0", "0"]] for the identity.
    /// </summary>
    public string[][] ToSnarkJs() => IsInfinity
        ? [["0", "0"], ["1", "0"], ["0", "0"]]
        : [[X.A0.ToString(), X.A1.ToString()], [Y.A0.ToString(), Y.A1.ToString()], ["1", "0"]];

    /// <summary>
    /// Parses the snarkjs JSON form: three pairs of decimal (or 0x-hex) strings with z = 1 (an affine point on
    /// the twist, and in G2 when <paramref name="checkSubgroup"/> is true) or z = 0 (the identity). Never throws.
    /// </summary>
    public static bool TryParseSnarkJs(IReadOnlyList<IReadOnlyList<string>>? coordinates, out G2Affine point, bool checkSubgroup = true)
    {
        point = default;
        if (coordinates is null || coordinates.Count != 3) return false;
        if (!TryParsePair(coordinates[0], out Fp2 x) || !TryParsePair(coordinates[1], out Fp2 y) || !TryParsePair(coordinates[2], out Fp2 z)) return false;
        if (z.IsZero) return true;
        if (!z.IsOne) return false;
        var candidate = new G2Affine(x, y);
        if (candidate.IsInfinity) return false;
        return Accept(candidate, checkSubgroup, out point);
    }

    /// <summary>Parses the snarkjs JSON form (see <see cref="TryParseSnarkJs"/>), checking the subgroup.</summary>
    /// <exception cref="FormatException">The strings are not a valid G2 point.</exception>
    public static G2Affine ParseSnarkJs(IReadOnlyList<IReadOnlyList<string>> coordinates) =>
        TryParseSnarkJs(coordinates, out G2Affine p) ? p : throw new FormatException("not a valid snarkjs G2 point [[x0, x1], [y0, y1], [z0, z1]]");

    private static bool TryParsePair(IReadOnlyList<string>? pair, out Fp2 value)
    {
        value = default;
        if (pair is null || pair.Count != 2) return false;
        if (!Fp.TryParse(pair[0], out Fp a0) || !Fp.TryParse(pair[1], out Fp a1)) return false;
        value = new Fp2(a0, a1);
        return true;
    }

    private static bool Accept(in G2Affine candidate, bool checkSubgroup, out G2Affine point)
    {
        bool ok = checkSubgroup ? candidate.IsInSubgroup : candidate.IsOnCurve;
        point = ok ? candidate : default;
        return ok;
    }

    private static void CheckLength(int length)
    {
        if (length < SizeInBytes) throw new ArgumentException($"a G2 point needs {SizeInBytes} bytes", "destination");
    }
}
