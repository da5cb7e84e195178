using Xunit;
using ZkInference.Field.Evm;

namespace ZkInference.Field.Tests.Evm;

public sealed class EvmPrecompileTests
{
    public static TheoryData<string, byte, string> Vectors => EvmVectors.Theory();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void GoEthereumVector(string file, byte address, string name)
    {
        var v = EvmVectors.Load(file).Single(x => x.Name == name);
        byte[] output = EvmPrecompiles.Run(address, Convert.FromHexString(v.Input));
        Assert.Equal(v.Expected, Convert.ToHexStringLower(output));
        Assert.Equal(v.Gas, EvmPrecompiles.Gas(address, v.Input.Length / 2));
    }

    [Fact]
    public void CoordinateEqualToPIsRejected()
    {
        byte[] input = new byte[128];
        Fp.Modulus.TryWriteBytes(input.AsSpan(0, 32), out _, isUnsigned: true, isBigEndian: true);
        var e = Assert.Throws<EvmPrecompileException>(() => EvmPrecompiles.Run(6, input));
        Assert.Contains("not below the field modulus", e.Message);
    }

    [Fact]
    public void PointOffTheCurveIsRejected()
    {
        byte[] input = new byte[96];
        input[31] = 1; input[63] = 3; // (1, 3): 9 ≠ 1 + 3
        input[95] = 2;
        var e = Assert.Throws<EvmPrecompileException>(() => EvmPrecompiles.Run(7, input));
        Assert.Contains("not on the curve", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(191)]
    [InlineData(193)]
    [InlineData(383)]
    public void PairingLengthMustBeAMultipleOf192(int length)
    {
        var e = Assert.Throws<EvmPrecompileException>(() => EvmPrecompiles.Run(8, new byte[length]));
        Assert.Contains("multiple of 192", e.Message);
    }

    [Fact]
    public void PairingOfInfinitiesIsOne()
    {
        byte[] output = EvmPrecompiles.Run(8, new byte[192 * 2]);
        Assert.Equal(1, output[31]);
    }

    [Fact]
    public void G2CoordinateOrderIsImaginaryFirst()
    {
        // e(G1, G2) · e(−G1, G2) = 1 only when the G2 encoding puts the imaginary part first.
        byte[] input = new byte[384];
        WritePair(input.AsSpan(0, 192), G1Affine.Generator, G2Affine.Generator);
        WritePair(input.AsSpan(192, 192), G1Affine.Generator.Negate(), G2Affine.Generator);
        Assert.Equal(1, EvmPrecompiles.Run(8, input)[31]);
        WritePair(input.AsSpan(192, 192), G1Affine.Generator, G2Affine.Generator);
        Assert.Equal(0, EvmPrecompiles.Run(8, input)[31]);
    }

    [Fact]
    public void ScalarIsTheFull256BitWord()
    {
        // s = r + 2 must act as 2 (G1 has order r), and 2^256 − 1 must be accepted.
        byte[] input = new byte[96];
        G1Affine.Generator.X.WriteBigEndian(input.AsSpan(0, 32));
        G1Affine.Generator.Y.WriteBigEndian(input.AsSpan(32, 32));
        (Fr.Modulus + 2).TryWriteBytes(input.AsSpan(64, 32), out _, isUnsigned: true, isBigEndian: true);
        byte[] viaR = EvmPrecompiles.Run(7, input);
        input.AsSpan(64, 32).Clear();
        input[95] = 2;
        Assert.Equal(EvmPrecompiles.Run(7, input), viaR);
        input.AsSpan(64, 32).Fill(0xff);
        Assert.Equal(64, EvmPrecompiles.Run(7, input).Length);
    }

    private static void WritePair(Span<byte> d, G1Affine p, G2Affine q)
    {
        p.X.WriteBigEndian(d[..32]);
        p.Y.WriteBigEndian(d[32..64]);
        q.X.A1.WriteBigEndian(d[64..96]);
        q.X.A0.WriteBigEndian(d[96..128]);
        q.Y.A1.WriteBigEndian(d[128..160]);
        q.Y.A0.WriteBigEndian(d[160..192]);
    }
}
