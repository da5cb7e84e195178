using Xunit;

namespace ZkInference.Server.Tests;

public sealed class ProofConcurrencyTests
{
    [Theory]
    [InlineData(2, 24L << 30, 1 << 16, 1)]      // this machine: two cores, one proof at a time
    [InlineData(16, 64L << 30, 1 << 16, 8)]     // cores bound
    [InlineData(16, 1L << 30, 1 << 22, 1)]      // memory bound: 1 GiB per proof at 2^22, a 0.5 GiB budget: still one
    [InlineData(16, 8L << 30, 1 << 22, 4)]      // memory bound: a 4 GiB budget holds four 1 GiB proofs
    [InlineData(1, 1L << 20, 1 << 28, 1)]       // never below one
    public void BoundIsTheSmallerOfCoresAndMemory(int cores, long memory, int domain, int expected)
    {
        Assert.Equal(expected, ProofConcurrency.Bound(cores, memory, domain));
    }
}
