using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ZkInference.Field.Fft;

/// <summary>
/// The multiplicative subgroup {ω⁰, ω¹, …, ωⁿ⁻¹} of Fr of size n = 2^k (k ≤ 28), with its twiddle
/// factors precomputed, and radix-2 FFTs over it that work in place on the caller's span: coefficients
/// in natural order in, evaluations at ωⁱ in natural order out (and back), plain or on a coset g·⟨ω⟩.
/// </summary>
/// <remarks>
/// ω = <see cref="Fr.TwoAdicRootOfUnity"/>^(2^(28−k)). A domain holds 2·(n/2) twiddles (n·32 bytes);
/// <see cref="ForLogSize"/> caches one domain per size. Transforms of at least
/// <see cref="ParallelThreshold"/> elements run on all cores unless told otherwise; apart from the
/// twiddles they allocate nothing. Instances are immutable and thread-safe.
/// </remarks>
[SkipLocalsInit]
public sealed partial class EvaluationDomain
{
    /// <summary>Sizes from this many elements up run in parallel by default.</summary>
    public const int ParallelThreshold = 1 << 14;

    private static readonly ConcurrentDictionary<int, EvaluationDomain> Cache = new();

    // twiddles[i] = ωⁱ and inverseTwiddles[i] = ω⁻ⁱ for i < n/2.
    private readonly Fr[] _twiddles;
    private readonly Fr[] _inverseTwiddles;

    /// <summary>Creates the domain of size 2^<paramref name="logSize"/> and computes its twiddles.</summary>
    /// <exception cref="ArgumentOutOfRangeException">logSize is negative or above <see cref="Fr.TwoAdicity"/>.</exception>
    public EvaluationDomain(int logSize)
    {
        if (logSize < 0 || logSize > Fr.TwoAdicity)
            throw new ArgumentOutOfRangeException(nameof(logSize), logSize, $"the domain size must be 2^k with 0 ≤ k ≤ {Fr.TwoAdicity}");
        LogSize = logSize;
        Size = 1 << logSize;
        Fr w = RootOfUnity(logSize);
        Generator = w;
        Fr.Inverse(w, out Fr wInv);
        GeneratorInverse = wInv;
        SizeInverse = Fr.FromUInt64((ulong)Size).Inverse();
        _twiddles = new Fr[Math.Max(1, Size / 2)];
        _inverseTwiddles = new Fr[Math.Max(1, Size / 2)];
        FillPowers(_twiddles, Fr.One, w);
        FillPowers(_inverseTwiddles, Fr.One, wInv);
    }

    /// <summary>The cached domain of size 2^<paramref name="logSize"/>, created on first use.</summary>
    public static EvaluationDomain ForLogSize(int logSize) => Cache.GetOrAdd(logSize, static k => new EvaluationDomain(k));

    /// <summary>The cached domain of the smallest power-of-two size holding <paramref name="minSize"/> elements.</summary>
    public static EvaluationDomain ForMinimumSize(int minSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minSize);
        int k = 0;
        while ((1L << k) < minSize) k++;
        return ForLogSize(k);
    }

    /// <summary>n = 2^k.</summary>
    public int Size { get; }

    /// <summary>k = log₂ n.</summary>
    public int LogSize { get; }

    /// <summary>ω, a primitive n-th root of unity.</summary>
    public Fr Generator { get; }

    /// <summary>ω⁻¹.</summary>
    public Fr GeneratorInverse { get; }

    /// <summary>1/n in Fr.</summary>
    public Fr SizeInverse { get; }

    /// <summary>
    /// ω (a primitive 2^<paramref name="logSize"/>-th root of unity, the generator of that domain) without
    /// building the domain's twiddle tables.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">logSize is negative or above <see cref="Fr.TwoAdicity"/>.</exception>
    public static Fr RootOfUnity(int logSize)
    {
        if (logSize < 0 || logSize > Fr.TwoAdicity)
            throw new ArgumentOutOfRangeException(nameof(logSize), logSize, $"the domain size must be 2^k with 0 ≤ k ≤ {Fr.TwoAdicity}");
        Fr w = Fr.TwoAdicRootOfUnity;
        for (int i = logSize; i < Fr.TwoAdicity; i++) Fr.Square(w, out w);
        return w;
    }

    // powers[i] = start·stepⁱ for a table owned by the domain.
    private static unsafe void FillPowers(Fr[] powers, Fr start, Fr step)
    {
        fixed (Fr* p = powers) Distribute(p, powers.Length, start, step, overwrite: true, parallel: powers.Length >= ParallelThreshold);
    }
}
