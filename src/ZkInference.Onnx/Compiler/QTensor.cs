using System.Numerics;
using ZkInference.Circuit;

namespace ZkInference.Onnx.Compiler;

/// <summary>
/// A tensor inside the circuit: fixed-point values at 2^<see cref="Scale"/>, row-major, with a proven bound on every
/// element's magnitude (|v| ≤ <see cref="Bound"/> for every input within the settings' range), from which the bit
/// widths of later range checks are derived.
/// </summary>
internal sealed class QTensor(int[] shape, LinearCombination[] values, int scale, BigInteger bound)
{
    public int[] Shape { get; } = shape;
    public LinearCombination[] Values { get; } = values;
    public int Scale { get; } = scale;
    public BigInteger Bound { get; } = bound;

    /// <summary>Per element, "value ≥ 0" as a boolean combination when a rescale produced it for free (else null).</summary>
    public LinearCombination[]? NonNegative { get; init; }

    /// <summary>
    /// A rescale not laid out yet (see <see cref="PendingRescale"/>): the values are exact at <see cref="Scale"/> and
    /// only ops that know how to carry them (ReLU, MaxPool, power-of-two average pools, reshapes, product layers, the
    /// graph output) see them so; every other op gets them rescaled by <see cref="CompileContext.Tensor"/>.
    /// </summary>
    public PendingRescale? Pending { get; init; }

    /// <summary>The integer values when the compiler knows them (parameters of any visibility), for tight bounds.</summary>
    public long[]? Known { get; init; }

    /// <summary>Set for tensors that are constants of the circuit (fixed parameters, folded values).</summary>
    public bool IsConstant => Values.All(v => v.IsConstant);

    public int Count => Values.Length;

    public int Rank => Shape.Length;

    /// <summary>The same values under another shape (same count).</summary>
    public QTensor Reshaped(int[] shape) => new(shape, Values, Scale, Bound) { NonNegative = NonNegative, Known = Known, Pending = Pending };

    /// <summary>Bits of a signed range holding every element: |v| ≤ bound needs bitlen(bound) + 1.</summary>
    public int SignedBits => BitsFor(Bound);

    public static int BitsFor(BigInteger bound) => (int)(bound.IsZero ? 0 : bound.GetBitLength()) + 1;

    /// <summary>Row-major strides of a shape.</summary>
    public static int[] Strides(int[] shape)
    {
        var s = new int[shape.Length];
        int acc = 1;
        for (int i = shape.Length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]; }
        return s;
    }
}

/// <summary>
/// A deferred rescale to <paramref name="TargetScale"/>, then a ReLU when <paramref name="Relu"/>. Deferring is sound
/// and exact because round(v / 2ˢ) is monotone and linear maps commute with scaling: max and ReLU commute with it,
/// a product layer absorbs it into its own rescale, and a graph output may stay at the finer scale (the settings
/// record the output scale).
/// </summary>
/// <param name="TargetScale">The scale the values must be rescaled to before general use.</param>
/// <param name="Relu">Whether a ReLU waits for the rescale (its sign then comes free from the rescale's decomposition).</param>
/// <param name="Producer">The index of the layer report the rescale belongs to (for the benchmarks), or −1.</param>
internal sealed record PendingRescale(int TargetScale, bool Relu, int Producer);
