namespace ZkInference.Field.Evm;

/// <summary>
/// Points as the precompiles take them: G1 = x ‖ y (64 bytes), G2 = x.imaginary ‖ x.real ‖
/// y.imaginary ‖ y.real (128 bytes), each coordinate 32 bytes big-endian, infinity all zeros.
/// Reading validates fully and explains what is wrong.
/// </summary>
internal static class EvmEncoding
{
    public static bool TryReadG1(ReadOnlySpan<byte> bytes, string what, out G1Affine point, out string? error)
    {
        point = default;
        if (!TryCoordinate(bytes[..32], what, "x", out Fp x, out error)
            || !TryCoordinate(bytes.Slice(32, 32), what, "y", out Fp y, out error))
            return false;
        point = new G1Affine(x, y);
        if (!point.IsOnCurve)
        {
            error = $"{what} is not on the curve y² = x³ + 3";
            return false;
        }
        return true;
    }

    public static bool TryReadG2(ReadOnlySpan<byte> bytes, string what, out G2Affine point, out string? error)
    {
        point = default;
        if (!TryCoordinate(bytes[..32], what, "x imaginary part", out Fp x1, out error)
            || !TryCoordinate(bytes.Slice(32, 32), what, "x real part", out Fp x0, out error)
            || !TryCoordinate(bytes.Slice(64, 32), what, "y imaginary part", out Fp y1, out error)
            || !TryCoordinate(bytes.Slice(96, 32), what, "y real part", out Fp y0, out error))
            return false;
        point = new G2Affine(new Fp2(x0, x1), new Fp2(y0, y1));
        if (!point.IsOnCurve)
        {
            error = $"{what} is not on the twist y² = x³ + 3/(9 + u)";
            return false;
        }
        if (!point.IsInSubgroup)
        {
            error = $"{what} is not in the order-r subgroup G2";
            return false;
        }
        return true;
    }

    private static bool TryCoordinate(ReadOnlySpan<byte> bytes, string what, string coordinate, out Fp value, out string? error)
    {
        if (Fp.TryReadBigEndian(bytes, out value))
        {
            error = null;
            return true;
        }
        error = $"{what}: {coordinate} is not below the field modulus p";
        return false;
    }
}
