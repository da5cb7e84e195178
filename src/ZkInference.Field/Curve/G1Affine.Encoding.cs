namespace ZkInference.Field;

public readonly partial struct G1Affine
{
    /// <summary>Bytes of the fixed-size encodings (EVM and snarkjs binary): two 32-byte coordinates.</summary>
    public const int SizeInBytes = 2 * Fp.SizeInBytes;

    /// <summary>Writes the EVM encoding (EIP-196): x then y, each 32 bytes big-endian; the identity is all zeros.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="SizeInBytes"/>.</exception>
    public void WriteBigEndian(Span<byte> destination)
    {
        CheckLength(destination.Length);
        X.WriteBigEndian(destination);
        Y.WriteBigEndian(destination[Fp.SizeInBytes..]);
    }

    /// <summary>
    /// Reads the EVM encoding: exactly 64 bytes, both coordinates below p, and either all zeros (the identity)
    /// or a point on the curve (which is then in G1). Never throws.
    /// </summary>
    public static bool TryReadBigEndian(ReadOnlySpan<byte> source, out G1Affine point)
    {
        point = default;
        if (source.Length != SizeInBytes) return false;
        if (!Fp.TryReadBigEndian(source[..Fp.SizeInBytes], out Fp x) || !Fp.TryReadBigEndian(source[Fp.SizeInBytes..], out Fp y)) return false;
        return Accept(new G1Affine(x, y), out point);
    }

    /// <summary>Writes the snarkjs binary ("LEM") encoding: x then y, each in Montgomery form, 32 bytes little-endian; the identity is all zeros.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="SizeInBytes"/>.</exception>
    public void WriteMontgomeryLittleEndian(Span<byte> destination)
    {
        CheckLength(destination.Length);
        X.WriteMontgomeryLittleEndian(destination);
        Y.WriteMontgomeryLittleEndian(destination[Fp.SizeInBytes..]);
    }

    /// <summary>Reads the snarkjs binary ("LEM") encoding: exactly 64 bytes, coordinates below p, identity or on the curve. Never throws.</summary>
    public static bool TryReadMontgomeryLittleEndian(ReadOnlySpan<byte> source, out G1Affine point)
    {
        point = default;
        if (source.Length != SizeInBytes) return false;
        if (!Fp.TryReadMontgomeryLittleEndian(source[..Fp.SizeInBytes], out Fp x)
            || !Fp.TryReadMontgomeryLittleEndian(source[Fp.SizeInBytes..], out Fp y)) return false;
        return Accept(new G1Affine(x, y), out point);
    }

    /// <summary>The snarkjs JSON form: projective decimal strings ["x", "y", "1"], or ["0", "1", "0"] for the identity.</summary>
    public string[] ToSnarkJs() => IsInfinity ? ["0", "1", "0"] : [X.ToString(), Y.ToString(), "1"];

    /// <summary>
    /// Parses the snarkjs JSON form: three decimal (or 0x-hex) strings x, y, z with z = 1 (an affine point,
    /// which must be on the curve) or z = 0 (the identity). Never throws.
    /// </summary>
    public static bool TryParseSnarkJs(IReadOnlyList<string>? coordinates, out G1Affine point)
    {
        point = default;
        if (coordinates is null || coordinates.Count != 3) return false;
        if (!Fp.TryParse(coordinates[0], out Fp x) || !Fp.TryParse(coordinates[1], out Fp y) || !Fp.TryParse(coordinates[2], out Fp z)) return false;
        if (z.IsZero) return true;
        if (!z.IsOne) return false;
        var candidate = new G1Affine(x, y);
        // (0, 0) is the library's identity, not a valid affine point with z = 1.
        if (candidate.IsInfinity) return false;
        return Accept(candidate, out point);
    }

    /// <summary>Parses the snarkjs JSON form (see <see cref="TryParseSnarkJs"/>).</summary>
    /// <exception cref="FormatException">The strings are not a valid G1 point.</exception>
    public static G1Affine ParseSnarkJs(IReadOnlyList<string> coordinates) =>
        TryParseSnarkJs(coordinates, out G1Affine p) ? p : throw new FormatException("not a valid snarkjs G1 point [x, y, z]");

    private static bool Accept(in G1Affine candidate, out G1Affine point)
    {
        point = candidate.IsOnCurve ? candidate : default;
        return candidate.IsOnCurve;
    }

    private static void CheckLength(int length)
    {
        if (length < SizeInBytes) throw new ArgumentException($"a G1 point needs {SizeInBytes} bytes", "destination");
    }
}
