using Xunit;
using ZkInference.Field;

namespace ZkInference.Groth16.Tests;

/// <summary>The prover's blinding scalars: from the kernel on Linux, distinct, and never loading OpenSSL for it.</summary>
public sealed class ProofRandomnessTests
{
    [Fact]
    public void GetRandomIsReachableOnLinux()
    {
        if (!OperatingSystem.IsLinux()) return;
        var bytes = new byte[64];
        Assert.True(ProofRandomness.TryGetRandom(bytes));
        Assert.Contains(bytes, b => b != 0);
    }

    [Fact]
    public void ScalarsAreDistinctAndNonTrivial()
    {
        var seen = new HashSet<Fr>();
        for (int i = 0; i < 200; i++)
        {
            Fr s = ProofRandomness.NextScalar();
            Assert.False(s.IsZero);
            Assert.True(seen.Add(s));
        }
    }
}
