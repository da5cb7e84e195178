using System.Numerics;
using ZkInference.Field;

namespace ZkInference.Onnx.Compiler;

/// <summary>Fixed-point conversion: a real x at scale s is the integer round(x·2ˢ) (nearest, ties to even).</summary>
public static class Quantizer
{
    /// <summary>round(x·2ˢ); throws <see cref="OnnxException"/> for a non-finite x or one too large for 62 bits.</summary>
    public static long Quantize(double x, int scale, string what = "value")
    {
        if (!double.IsFinite(x)) throw new OnnxException($"{what} is not a finite number ({x})");
        double v = Math.Round(Math.ScaleB(x, scale), MidpointRounding.ToEven);
        if (Math.Abs(v) >= 4.611686018427387904e18) throw new OnnxException($"{what} {x} is too large for scale 2^{scale}");
        return (long)v;
    }

    /// <summary>The integer v at scale s as a real: v / 2ˢ.</summary>
    public static double Dequantize(BigInteger v, int scale) => Math.ScaleB((double)v, -scale);

    /// <summary>A signed integer as a field element (negatives as r − |v|).</summary>
    public static Fr ToField(long v) => Fr.FromInt64(v);

    /// <summary>A field element read as a signed integer in (−r/2, r/2].</summary>
    public static BigInteger FromField(in Fr v) => Circuit.Gadgets.FixedPoint.ToSigned(v);
}
