namespace ZkInference.Field.Evm;

/// <summary>
/// The BN254 precompiles of Ethereum with the exact semantics of EIP-196 and EIP-197 as clients
/// implement them: ecAdd (0x06), ecMul (0x07) and ecPairing (0x08).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>ecAdd and ecMul zero-pad short inputs and ignore bytes beyond 128 / 96.</item>
/// <item>ecPairing takes exactly k·192 bytes; the empty input succeeds with 1.</item>
/// <item>Coordinates are 32-byte big-endian and must be below p; G1 points must be on the curve,
/// G2 points on the twist and in the order-r subgroup; (0, 0) is the point at infinity.</item>
/// <item>The ecMul scalar is the full 256-bit word (not reduced by the caller).</item>
/// </list>
/// Gas follows EIP-1108 (Istanbul).
/// </remarks>
public static class EvmPrecompiles
{
    /// <summary>Address of ecAdd.</summary>
    public const byte EcAddAddress = 0x06;

    /// <summary>Address of ecMul.</summary>
    public const byte EcMulAddress = 0x07;

    /// <summary>Address of ecPairing.</summary>
    public const byte EcPairingAddress = 0x08;

    /// <summary>Bytes of one ecPairing pair: a G1 point (64) then a G2 point (128).</summary>
    public const int PairSize = 192;

    /// <summary>Gas of ecAdd (EIP-1108).</summary>
    public const long EcAddGas = 150;

    /// <summary>Gas of ecMul (EIP-1108).</summary>
    public const long EcMulGas = 6000;

    /// <summary>Base gas of ecPairing (EIP-1108).</summary>
    public const long EcPairingBaseGas = 45000;

    /// <summary>Gas of ecPairing per pair (EIP-1108).</summary>
    public const long EcPairingPerPairGas = 34000;

    /// <summary>ecAdd: writes the 64-byte sum of two G1 points.</summary>
    /// <returns>False with a reason when a point is malformed.</returns>
    public static bool TryEcAdd(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Span<byte> padded = stackalloc byte[128];
        PadOrTruncate(input, padded);
        if (!EvmEncoding.TryReadG1(padded[..64], "first point", out G1Affine a, out error)
            || !EvmEncoding.TryReadG1(padded[64..], "second point", out G1Affine b, out error))
            return false;
        (G1Jacobian.FromAffine(a) + b).ToAffine().WriteBigEndian(output);
        return true;
    }

    /// <summary>ecMul: writes the 64-byte product of a G1 point by a 256-bit scalar.</summary>
    /// <returns>False with a reason when the point is malformed.</returns>
    public static bool TryEcMul(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        Span<byte> padded = stackalloc byte[96];
        PadOrTruncate(input, padded);
        if (!EvmEncoding.TryReadG1(padded[..64], "point", out G1Affine p, out error))
            return false;
        G1Jacobian.MultiplyBigEndian(G1Jacobian.FromAffine(p), padded.Slice(64, 32)).ToAffine().WriteBigEndian(output);
        return true;
    }

    /// <summary>ecPairing: writes 32 bytes, 1 when the product of the pairings is one, else 0.</summary>
    /// <returns>False with a reason when the length is not a multiple of 192 or a point is malformed.</returns>
    public static bool TryEcPairing(ReadOnlySpan<byte> input, Span<byte> output, out string? error)
    {
        if (input.Length % PairSize != 0)
        {
            error = $"input length {input.Length} is not a multiple of {PairSize}";
            return false;
        }
        int pairs = input.Length / PairSize;
        var g1 = new G1Affine[pairs];
        var g2 = new G2Affine[pairs];
        for (int i = 0; i < pairs; i++)
        {
            ReadOnlySpan<byte> pair = input.Slice(i * PairSize, PairSize);
            if (!EvmEncoding.TryReadG1(pair[..64], $"pair {i} G1 point", out g1[i], out error)
                || !EvmEncoding.TryReadG2(pair[64..], $"pair {i} G2 point", out g2[i], out error))
                return false;
        }
        output[..32].Clear();
        output[31] = Pairing.PairingCheck(g1, g2) ? (byte)1 : (byte)0;
        error = null;
        return true;
    }

    /// <summary>Runs the precompile at <paramref name="address"/> (0x06, 0x07 or 0x08).</summary>
    /// <exception cref="EvmPrecompileException">The input is invalid (the call would fail on chain) or the address is not one of the three.</exception>
    public static byte[] Run(byte address, ReadOnlySpan<byte> input)
    {
        byte[] output = new byte[address == EcPairingAddress ? 32 : 64];
        string? error;
        bool ok = address switch
        {
            EcAddAddress => TryEcAdd(input, output, out error),
            EcMulAddress => TryEcMul(input, output, out error),
            EcPairingAddress => TryEcPairing(input, output, out error),
            _ => throw new EvmPrecompileException($"0x{address:x2} is not a BN254 precompile (0x06, 0x07, 0x08)"),
        };
        return ok ? output : throw new EvmPrecompileException(error!);
    }

    /// <summary>The gas a call to the precompile at <paramref name="address"/> with an input of that length costs.</summary>
    public static long Gas(byte address, int inputLength) => address switch
    {
        EcAddAddress => EcAddGas,
        EcMulAddress => EcMulGas,
        EcPairingAddress => EcPairingBaseGas + EcPairingPerPairGas * (inputLength / PairSize),
        _ => throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:x2} is not a BN254 precompile"),
    };

    private static void PadOrTruncate(ReadOnlySpan<byte> input, Span<byte> padded)
    {
        padded.Clear();
        input[..Math.Min(input.Length, padded.Length)].CopyTo(padded);
    }
}
