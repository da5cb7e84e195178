using System.Text.Json;
using Xunit;

namespace ZkInference.Field.Tests;

/// <summary>go-ethereum's ecPairing (EIP-197) vectors, decoded here directly from the precompile's input layout.</summary>
public sealed class PairingVectorTests
{
    private sealed record Vector(string Input, string Expected, string Name);

    private static readonly Lazy<Vector[]> Vectors = new(() =>
    {
        string path = Path.Combine(SharedFolder(), "vectors", "evm", "bn256Pairing.json");
        return JsonSerializer.Deserialize<Vector[]>(File.ReadAllText(path))!;
    });

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ZkInference.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        }
        throw new DirectoryNotFoundException("No ZkInference.sln above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (Vector v in Vectors.Value) data.Add(v.Name);
        return data;
    }

    [Fact]
    public void VectorsAreThere() => Assert.True(Vectors.Value.Length >= 10);

    [Theory]
    [MemberData(nameof(Names))]
    public void PairingCheckMatchesExpected(string name)
    {
        Vector v = Vectors.Value.Single(x => x.Name == name);
        byte[] input = Convert.FromHexString(v.Input);
        Assert.Equal(0, input.Length % 192);
        int n = input.Length / 192;
        var ps = new G1Affine[n];
        var qs = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<byte> pair = input.AsSpan(i * 192, 192);
            ps[i] = new G1Affine(Read(pair, 0), Read(pair, 1));
            // G2 coordinates come imaginary part first.
            qs[i] = new G2Affine(new Fp2(Read(pair, 3), Read(pair, 2)), new Fp2(Read(pair, 5), Read(pair, 4)));
            Assert.True(ps[i].IsOnCurve && qs[i].IsOnCurve);
        }
        bool expected = Convert.FromHexString(v.Expected)[^1] == 1;
        Assert.Equal(expected, Pairing.PairingCheck(ps, qs));
        var prepared = Array.ConvertAll(qs, q => new G2Prepared(q));
        Assert.Equal(expected, Pairing.PairingCheck(ps, prepared));
    }

    private static Fp Read(ReadOnlySpan<byte> pair, int word)
    {
        Assert.True(Fp.TryReadBigEndian(pair.Slice(32 * word, 32), out Fp x));
        return x;
    }
}
