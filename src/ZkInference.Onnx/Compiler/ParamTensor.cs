using ZkInference.Circuit;

namespace ZkInference.Onnx.Compiler;

/// <summary>A parameter tensor in commitment order: its name, shape, quantized values and (unless fixed) its wires.</summary>
internal sealed record ParamTensor(string Name, int[] Shape, long[] Values, Variable[]? Wires);
