using System.Text.Json;
using Xunit;
using ZkInference.Field;
using ZkInference.TestSupport;

namespace ZkInference.Groth16.Tests;

public sealed class ZkeyFileTests
{
    public static TheoryData<string> Fixtures => new() { "multiplier", "poseidon", "scale_2e12" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void HeaderAndIcMatchSnarkjsVerificationKey(string fixture)
    {
        ProvingKey pk = ZkeyFile.Read(RepoPaths.Fixture(fixture, "circuit_final.zkey"));
        using var vk = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(fixture, "verification_key.json")));
        JsonElement root = vk.RootElement;
        Assert.Equal(root.GetProperty("nPublic").GetInt32(), pk.PublicCount);
        Assert.Equal(G1(root.GetProperty("vk_alpha_1")), pk.Alpha1);
        Assert.Equal(G2(root.GetProperty("vk_beta_2")), pk.Beta2);
        Assert.Equal(G2(root.GetProperty("vk_gamma_2")), pk.Gamma2);
        Assert.Equal(G2(root.GetProperty("vk_delta_2")), pk.Delta2);
        JsonElement ic = root.GetProperty("IC");
        Assert.Equal(ic.GetArrayLength(), pk.IC.Length);
        for (int i = 0; i < pk.IC.Length; i++) Assert.Equal(G1(ic[i]), pk.IC[i]);
        Assert.Equal(pk.VariableCount, pk.A.Length);
        Assert.Equal(pk.DomainSize, pk.H.Length);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void WritingReproducesTheFileByteForByte(string fixture)
    {
        string path = RepoPaths.Fixture(fixture, "circuit_final.zkey");
        ProvingKey pk = ZkeyFile.Read(path);
        using var ms = new MemoryStream();
        ZkeyFile.Write(pk, ms);
        Assert.Equal(File.ReadAllBytes(path), ms.ToArray());
    }

    [Fact]
    public void CoefficientsAreThePlainR1csValues()
    {
        // multiplier r1cs.json: constraint coefficients as decimals; the zkey stores them times R² mod r.
        ProvingKey pk = ZkeyFile.Read(RepoPaths.Fixture("multiplier", "circuit_final.zkey"));
        using var r1cs = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("multiplier", "r1cs.json")));
        JsonElement constraints = r1cs.RootElement.GetProperty("constraints");
        int nConstraints = constraints.GetArrayLength();
        foreach (ZkeyCoefficient c in pk.Coefficients)
        {
            if (c.Constraint >= nConstraints)
            {
                // The extra A-row of each public signal: coefficient 1 on signal i at row nConstraints + i.
                Assert.Equal(QapMatrix.A, c.Matrix);
                Assert.Equal(c.Constraint - nConstraints, c.Signal);
                Assert.Equal(Fr.One, c.Value);
                continue;
            }
            JsonElement row = constraints[c.Constraint][(int)c.Matrix];
            Assert.Equal(Fr.Parse(row.GetProperty(c.Signal.ToString()).GetString()!), c.Value);
        }
    }

    internal static G1Affine G1(JsonElement e) => G1Affine.ParseSnarkJs(e.EnumerateArray().Select(x => x.GetString()!).ToArray());

    internal static G2Affine G2(JsonElement e) =>
        G2Affine.ParseSnarkJs(e.EnumerateArray().Select(p => (IReadOnlyList<string>)p.EnumerateArray().Select(x => x.GetString()!).ToArray()).ToArray());
}
