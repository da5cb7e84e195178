namespace ZkInference.Server;

/// <summary>
/// How many proofs a server runs at once: each proof already uses every core for its MSMs and FFTs, so one per two
/// cores keeps them busy without thrashing; and each needs working memory for its witness, QAP evaluations and
/// coset FFT, so no more than half the memory the runtime may use is spent on proofs in flight.
/// </summary>
public static class ProofConcurrency
{
    /// <summary>Field elements of working memory per domain point (A, B, C evaluations, their cosets, H, the witness).</summary>
    public const int ElementsPerDomainPoint = 8;

    /// <summary>Estimated working memory of one proof over a domain of <paramref name="domainSize"/> points.</summary>
    public static long ProofBytes(int domainSize) => (long)domainSize * ElementsPerDomainPoint * 32;

    /// <summary>The bound for this machine and the largest served domain.</summary>
    public static int ForMachine(int largestDomainSize) =>
        Bound(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, largestDomainSize);

    /// <summary>The bound for <paramref name="cores"/> cores and <paramref name="availableBytes"/> of memory.</summary>
    public static int Bound(int cores, long availableBytes, int largestDomainSize)
    {
        long byCores = Math.Max(1, cores / 2);
        long byMemory = Math.Max(1, availableBytes / 2 / Math.Max(1, ProofBytes(largestDomainSize)));
        return (int)Math.Min(byCores, byMemory);
    }
}
