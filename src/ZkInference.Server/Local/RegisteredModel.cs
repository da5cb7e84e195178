using System.Numerics;
using ZkInference.Groth16;
using ZkInference.Market;
using ZkInference.Onnx.Settings;

namespace ZkInference.Server.Local;

/// <summary>A model registered on a local market: its id, folder, settings, verifier and verifying key.</summary>
/// <param name="ModelId">The market's id.</param>
/// <param name="Directory">The compiled model with its circuit.zkey.</param>
/// <param name="Settings">Its settings.json.</param>
/// <param name="Verifier">The deployed verifier contract.</param>
/// <param name="VerifyingKey">The key the verifier was generated from.</param>
/// <param name="RegisterGas">Gas of the registration.</param>
public sealed record RegisteredModel(BigInteger ModelId, string Directory, CircuitSettings Settings, Address Verifier, VerifyingKey VerifyingKey, long RegisterGas);
