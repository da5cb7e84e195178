using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>
/// Computes values of new wires from the values of linear combinations during witness solving (like gnark's
/// hints or circom's <c>&lt;--</c>). A hint proves nothing: the caller must constrain its outputs.
/// Register a static (cached) delegate so one compiled circuit can run it for many witnesses.
/// </summary>
/// <param name="inputs">The values of the hint's input combinations.</param>
/// <param name="outputs">Where to write the values of its output wires.</param>
public delegate void HintFunction(ReadOnlySpan<Fr> inputs, Span<Fr> outputs);
