using System.Buffers.Binary;
using ZkInference.Onnx.Protobuf;
using DataType = ZkInference.Onnx.Protobuf.TensorProto.Types.DataType;

namespace ZkInference.Onnx.Model;

/// <summary>Reads ONNX TensorProtos (initializers, Constant values, the node tests' .pb files) as doubles.</summary>
public static class TensorReader
{
    /// <summary>Reads a serialized TensorProto file (as the ONNX backend tests store inputs and outputs).</summary>
    public static ConstantTensor ReadFile(string path)
    {
        try { return Read(TensorProto.Parser.ParseFrom(File.ReadAllBytes(path)), path); }
        catch (Google.Protobuf.InvalidProtocolBufferException e) { throw new OnnxException($"{path} is not a TensorProto: {e.Message}", e); }
    }

    internal static ConstantTensor Read(TensorProto t, string where)
    {
        if (t.DataLocation == TensorProto.Types.DataLocation.External) throw new OnnxException($"{where}: external tensor data is not supported");
        int[] shape = t.Dims.Select(d => d is >= 0 and <= int.MaxValue ? (int)d : throw new OnnxException($"{where}: bad dimension {d}")).ToArray();
        int n = ConstantTensor.Count(shape);
        var type = (DataType)t.DataType;
        byte[] raw = t.RawData.ToByteArray();
        double[] data = type switch
        {
            DataType.Float => raw.Length > 0 ? Raw(raw, n, 4, where, b => BinaryPrimitives.ReadSingleLittleEndian(b)) : t.FloatData.Select(f => (double)f).ToArray(),
            DataType.Double => raw.Length > 0 ? Raw(raw, n, 8, where, b => BinaryPrimitives.ReadDoubleLittleEndian(b)) : [.. t.DoubleData],
            DataType.Int64 => raw.Length > 0 ? Raw(raw, n, 8, where, b => BinaryPrimitives.ReadInt64LittleEndian(b)) : t.Int64Data.Select(v => (double)v).ToArray(),
            DataType.Int32 => raw.Length > 0 ? Raw(raw, n, 4, where, b => BinaryPrimitives.ReadInt32LittleEndian(b)) : t.Int32Data.Select(v => (double)v).ToArray(),
            DataType.Int8 => raw.Length > 0 ? Raw(raw, n, 1, where, b => (sbyte)b[0]) : t.Int32Data.Select(v => (double)v).ToArray(),
            DataType.Uint8 or DataType.Bool => raw.Length > 0 ? Raw(raw, n, 1, where, b => b[0]) : t.Int32Data.Select(v => (double)v).ToArray(),
            _ => throw new OnnxException($"{where}: element type {type} is not supported (float, double and integer types are)"),
        };
        if (data.Length != n) throw new OnnxException($"{where}: {data.Length} elements for shape [{string.Join(",", shape)}]");
        foreach (double d in data)
            if (!double.IsFinite(d)) throw new OnnxException($"{where}: contains a non-finite value");
        return new ConstantTensor(t.Name, shape, data, type is not (DataType.Float or DataType.Double));
    }

    private static double[] Raw(byte[] raw, int n, int size, string where, Func<ReadOnlySpan<byte>, double> read)
    {
        if (raw.Length != n * size) throw new OnnxException($"{where}: raw data has {raw.Length} bytes, expected {n * size}");
        var r = new double[n];
        for (int i = 0; i < n; i++) r[i] = read(raw.AsSpan(i * size, size));
        return r;
    }
}
