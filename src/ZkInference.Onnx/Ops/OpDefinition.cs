using ZkInference.Onnx.Compiler;
using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>Lays out one node's constraints and records its outputs in the context.</summary>
internal delegate void OpCompile(CompileContext ctx, OnnxNode node);

/// <summary>A supported op: the attributes it understands (any other is refused up front) and its layout.</summary>
internal sealed record OpDefinition(string OpType, string[] Attributes, OpCompile Compile);
