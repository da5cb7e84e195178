namespace ZkInference.Field;

/// <summary>Tuning knobs of <see cref="MultiExp"/>; the defaults suit every size.</summary>
public sealed class MsmOptions
{
    /// <summary>The default options (all cores, window chosen by size).</summary>
    public static MsmOptions Default { get; } = new();

    /// <summary>Most threads to use; defaults to <see cref="Environment.ProcessorCount"/>. Values below 1 mean 1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Window width c in bits (2..15), or null to choose it from the input size.</summary>
    public int? WindowBits { get; init; }

    /// <summary>Forces (true) or forbids (false) batch-affine bucket accumulation; null decides by size. For tests.</summary>
    internal bool? BatchAffine { get; init; }

    /// <summary>Points per shared inversion in batch-affine accumulation, or null to choose by window. For tests.</summary>
    internal int? BatchSize { get; init; }

    /// <summary>Forbids (false) the eight-lane products (batch-affine flush, bucket reduction); null uses them where supported. For tests.</summary>
    internal bool? Lanes { get; init; }
}
